// The README's "try it" commands as a newcomer runs them: the fake model server started with the
// documented command (on a free port instead of Ollama's), and the documented `complete` example,
// whose file must exist in test-workspace/, answered with the fake's default answer.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Checks, log, readmeSnippet, repo, withFake } from './lib/harness.mjs';

const FAKE_COMMAND = 'java -jar fake-model/target/gptoss-fake-model-runnable.jar';
const DEFAULT_ANSWER = 'return a + b';

function run(file, args, options) {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? error.code ?? error.signal : 0, stdout, stderr }));
  });
}

export async function runCli() {
  const checks = new Checks('README commands');
  return withFake('cli', checks, [], async (sandbox, fake) => {
    const fakeCommand = readmeSnippet('Try it without a model', 'sh').trim();
    checks.check('the README starts the fake model server with one command', fakeCommand === FAKE_COMMAND, fakeCommand);
    const completeLine = readmeSnippet('Quick start', 'sh', 1).trim();
    const match = /^java -jar server\/target\/gptoss-ls\.jar complete (\S+):(\d+):(\d+)$/.exec(completeLine);
    if (!checks.check('the README shows a complete FILE:LINE:COL example', match, completeLine)) return;
    const [, file, line, column] = match;
    if (!checks.check(`its file ${file} is in test-workspace/`, file.startsWith('test-workspace/')
      && fs.existsSync(path.join(repo, file)))) return;
    const lines = fs.readFileSync(path.join(repo, file), 'utf8').split('\n');
    checks.check(`${file}:${line}:${column} is a place in that file`, Number(line) <= lines.length
      && Number(column) <= [...(lines[Number(line) - 1] ?? '')].length + 1, JSON.stringify(lines[Number(line) - 1]));

    const config = path.join(sandbox.root, 'gptoss.json');
    fs.writeFileSync(config, JSON.stringify({ gptoss: { endpoints: [{ name: 'local', url: fake.url, api: 'ollama' }] } }));
    log(`README commands: the fake model at ${fake.url}; running complete ${file}:${line}:${column}`);
    const result = await run('java', ['-jar', sandbox.jar, 'complete', `${file}:${line}:${column}`, '--config', config],
      { cwd: repo, env: { ...process.env, ...sandbox.env } });
    checks.check('complete prints the fake model\'s default answer', result.code === 0
      && result.stdout.trim() === DEFAULT_ANSWER, `exit ${result.code}, stdout ${JSON.stringify(result.stdout.trim())}`
      + (result.code === 0 ? '' : `, stderr ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`));
    const models = (await fake.requests()).map((r) => r.json?.model).filter(Boolean);
    checks.check('the fake has the model the default tier asks for', models.includes('gpt-oss:20b'), models.join(', '));
  });
}
