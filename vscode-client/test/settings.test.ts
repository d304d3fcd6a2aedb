import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { inlineCompletionEnabled, toServerConfig } from '../src/settings';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

describe('toServerConfig', () => {
  it('sends nothing for settings the user has not set, so .gptoss.json still applies', () => {
    assert.deepEqual(toServerConfig(reader({})), {});
  });

  it('nests dotted settings into the server object', () => {
    const config = toServerConfig(
      reader({
        endpoints: [{ name: 'local', url: 'http://127.0.0.1:11434', api: 'ollama', promptMode: 'raw' }],
        tiers: { fast: [{ endpoint: 'local', model: 'gpt-oss:20b' }], strong: [{ endpoint: 'local', model: 'gpt-oss:120b' }] },
        'completion.maxTokens': 64,
        'completion.timeoutMs': 2000,
        exclude: ['.env*', '*.pem'],
        'java.home': '/jdk',
        'inlineCompletion.enable': false,
      }),
    );
    assert.deepEqual(config, {
      endpoints: [{ name: 'local', url: 'http://127.0.0.1:11434', api: 'ollama', promptMode: 'raw' }],
      tiers: { fast: [{ endpoint: 'local', model: 'gpt-oss:20b' }], strong: [{ endpoint: 'local', model: 'gpt-oss:120b' }] },
      completion: { maxTokens: 64, timeoutMs: 2000 },
      exclude: ['.env*', '*.pem'],
    });
  });

  it('keeps the name of the API key variable, never a key', () => {
    const config = toServerConfig(reader({ endpoints: [{ name: 'vllm', url: 'http://gpu:8000', api: 'openai', apiKeyEnv: 'VLLM_KEY' }] }));
    assert.deepEqual(config.endpoints, [{ name: 'vllm', url: 'http://gpu:8000', api: 'openai', apiKeyEnv: 'VLLM_KEY' }]);
  });

  it('drops malformed entries instead of sending them', () => {
    const config = toServerConfig(
      reader({
        endpoints: [{ name: 'ok', url: 'http://a', api: 'grpc', promptMode: 'weird' }, { url: 'http://no-name' }, 'text', null],
        tiers: { fast: [{ endpoint: 'ok' }, { endpoint: 'ok', model: 'm' }], other: [] },
        'completion.maxTokens': -3,
        'completion.timeoutMs': 1500.7,
        exclude: ['*.key', 42, ''],
      }),
    );
    assert.deepEqual(config, {
      endpoints: [{ name: 'ok', url: 'http://a' }],
      tiers: { fast: [{ endpoint: 'ok', model: 'm' }] },
      completion: { timeoutMs: 1500 },
      exclude: ['*.key'],
    });
  });

  it('sends an explicitly empty exclude list, which turns the defaults off', () => {
    assert.deepEqual(toServerConfig(reader({ exclude: [] })), { exclude: [] });
  });

  it('leaves out empty endpoint and tier lists, which the server would refuse', () => {
    assert.deepEqual(toServerConfig(reader({ endpoints: [], tiers: { fast: [], strong: [] } })), {});
    assert.deepEqual(toServerConfig(reader({ endpoints: [{ url: 'http://x' }], tiers: { fast: [{ endpoint: 'a', model: 'm' }], strong: [] } })), {
      tiers: { fast: [{ endpoint: 'a', model: 'm' }] },
    });
  });
});

describe('inlineCompletionEnabled', () => {
  it('is on unless turned off', () => {
    assert.equal(inlineCompletionEnabled('python', undefined, undefined), true);
    assert.equal(inlineCompletionEnabled('python', false, {}), false);
  });

  it('lets a per-language entry win over the global switch', () => {
    assert.equal(inlineCompletionEnabled('python', true, { python: false }), false);
    assert.equal(inlineCompletionEnabled('java', true, { python: false }), true);
    assert.equal(inlineCompletionEnabled('markdown', false, { markdown: true }), true);
  });

  it('ignores per-language entries that are not booleans', () => {
    assert.equal(inlineCompletionEnabled('python', true, { python: 'no' }), true);
  });
});
