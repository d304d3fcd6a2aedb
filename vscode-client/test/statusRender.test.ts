import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { approvalQuestion, fixCommand, GptossStatus, instanceLine, pendingApproval, renderStatus, serverDownStatus } from '../src/statusRender';

const on = { inlineCompletionEnabled: true };
const instance = {
  tier: 'fast', endpoint: 'local', url: 'http://127.0.0.1:11434', api: 'ollama', model: 'gpt-oss:20b',
  state: 'ready', promptMode: 'raw', detail: 'warm', p50Ms: 123.4, p95Ms: 456.0, outstanding: 0, breaker: 'closed',
};
const ready: GptossStatus = { state: 'ready', message: 'gpt-oss:20b ready on local', model: 'gpt-oss:20b', busy: 0, fix: null, instances: [instance] };

describe('renderStatus', () => {
  it('shows the model with a sparkle when ready', () => {
    const r = renderStatus(ready, on);
    assert.equal(r.text, '$(sparkle) gpt-oss:20b');
    assert.equal(r.severity, 'normal');
    assert.equal(r.ariaLabel, 'gpt-oss: ready, gpt-oss:20b');
  });

  it('puts the message and one line per instance into the tooltip', () => {
    const lines = renderStatus(ready, on).tooltip.split('\n');
    assert.equal(lines[0], 'gpt-oss:20b ready on local');
    assert.equal(lines[1], 'fast · local · gpt-oss:20b: ready, p50 123 ms, p95 456 ms — warm');
  });

  it('spins while a request is in flight or a model loads', () => {
    assert.equal(renderStatus({ ...ready, busy: 2 }, on).text, '$(loading~spin) gpt-oss:20b');
    assert.equal(renderStatus({ ...ready, state: 'loading' }, on).text, '$(loading~spin) gpt-oss:20b');
    assert.equal(renderStatus({ ...ready, state: 'starting' }, on).text, '$(loading~spin) gpt-oss:20b');
    assert.match(renderStatus({ ...ready, busy: 1 }, on).ariaLabel, /^gpt-oss: ready, busy/);
  });

  it('reads as starting before the first status arrives', () => {
    const r = renderStatus(undefined, on);
    assert.equal(r.text, '$(loading~spin) gpt-oss');
    assert.match(r.ariaLabel, /^gpt-oss: starting/);
  });

  it('warns when degraded and shows the fix', () => {
    const r = renderStatus({ ...ready, state: 'degraded', fix: 'Run `ollama pull gpt-oss:20b`' }, on);
    assert.equal(r.text, '$(warning) gpt-oss:20b');
    assert.equal(r.severity, 'warning');
    assert.match(r.tooltip, /Fix: Run `ollama pull gpt-oss:20b`/);
  });

  it('shows offline as an error', () => {
    const r = renderStatus({ state: 'offline', message: 'no model server answers', model: 'gpt-oss:20b', busy: 0, fix: 'ollama serve',
      instances: [{ ...instance, state: 'offline', p50Ms: null, p95Ms: null, breaker: 'open', detail: 'connection refused' }] }, on);
    assert.equal(r.text, '$(circle-slash) offline');
    assert.equal(r.severity, 'error');
    assert.match(r.ariaLabel, /^gpt-oss: offline/);
    assert.match(r.tooltip, /fast · local · gpt-oss:20b: offline, breaker open — connection refused/);
  });

  it('survives a status with missing fields', () => {
    const r = renderStatus({ state: 'ready' }, on);
    assert.equal(r.text, '$(sparkle) gpt-oss');
    assert.equal(renderStatus({ state: 'exploded' }, on).severity, 'warning');
  });

  it('says when inline completions are off', () => {
    const r = renderStatus(ready, { inlineCompletionEnabled: false });
    assert.equal(r.text, '$(sparkle) gpt-oss:20b (inline off)');
    assert.match(r.tooltip, /turned off/);
  });

  it('shows in-flight requests of an instance', () => {
    assert.match(instanceLine({ ...instance, outstanding: 3, detail: undefined }), /3 in flight$/);
  });
});

describe('fixCommand', () => {
  it('takes the quoted command out of a hint', () => {
    assert.equal(fixCommand('Start Ollama: `ollama serve`'), 'ollama serve');
    assert.equal(fixCommand('ollama pull gpt-oss:20b'), 'ollama pull gpt-oss:20b');
    assert.equal(fixCommand(null), undefined);
    assert.equal(fixCommand('  '), undefined);
  });
});

describe('serverDownStatus', () => {
  it('renders as offline with the reason in the tooltip', () => {
    const r = renderStatus(serverDownStatus('Java 17 not found'), on);
    assert.equal(r.severity, 'error');
    assert.match(r.tooltip, /^Java 17 not found/);
  });
});

describe('pendingApproval', () => {
  const waiting = {
    path: '/src/cloned/.gptoss.json', sha256: 'ab12', approval: 'not-approved', withheld: ['endpoints'],
    destinations: ['theirs at http://10.0.0.9:8000, with the key in $TOKEN'], fix: 'gptoss-ls trust /src/cloned',
  };

  it('finds a workspace file whose endpoints are held back, and asks about every destination', () => {
    const status: GptossStatus = { ...ready, configuration: { endpointsFrom: 'built-in defaults', workspaceFile: waiting } };
    assert.equal(pendingApproval(status), waiting);
    const question = approvalQuestion(waiting);
    assert.match(question.message, /\/src\/cloned\/\.gptoss\.json/);
    assert.match(question.detail, /theirs at http:\/\/10\.0\.0\.9:8000, with the key in \$TOKEN/);
    assert.match(renderStatus(status, on).tooltip, /not used for endpoints until you approve it/);
  });

  it('has nothing to ask once the file is approved, or when there is none', () => {
    const approved = { ...waiting, approval: 'approved', withheld: [] };
    assert.equal(pendingApproval({ ...ready, configuration: { workspaceFile: approved } }), undefined);
    assert.equal(pendingApproval(ready), undefined);
    assert.equal(pendingApproval(undefined), undefined);
  });
});
