// The README's commands as a newcomer runs them, with no Java on PATH: the install command that
// unpacks the runtime image into ~/.local, the fake model server started with the documented command
// (on a free port instead of Ollama's), and the documented `complete` example, whose file must exist
// in test-workspace/, answered with the fake's default answer.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Checks, imageTarball, log, readmeSnippet, readmeSnippets, repo, which, withFake } from './lib/harness.mjs';

const FAKE_COMMAND = 'java -jar fake-model/target/gptoss-fake-model-runnable.jar';
const LAUNCHER = 'dist/target/gptoss-ls/bin/gptoss-ls';
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
    const quickStart = readmeSnippets('Quick start', 'sh').map((s) => s.trim());

    // The install without root, run as written, into the sandbox's home.
    const install = quickStart.find((s) => s.includes('tar -xzf') && s.includes('~/.local/bin'));
    if (!checks.check('the README installs the tarball into ~/.local with one command', install,
      install ? '' : quickStart.join(' | '))) return;
    const tarball = path.relative(repo, imageTarball);
    checks.check(`it unpacks what the build makes (${tarball})`, install.includes(tarball), install.includes(tarball) ? '' : install);
    const installed = await run('sh', ['-c', install], { cwd: repo, env: sandbox.userEnv });
    const linked = path.join(sandbox.home, '.local/bin/gptoss-ls');
    const version = await run(linked, ['--version'], { cwd: sandbox.root, env: sandbox.userEnv });
    checks.check('the installed gptoss-ls runs on its own Java, with none on PATH', installed.code === 0
      && version.code === 0 && version.stdout.includes(`in ${path.join(sandbox.home, '.local/opt/gptoss-ls/lib/runtime')}`)
      && which('java', sandbox.userEnv.PATH) === null, `${installed.stderr.trim()} ${version.stdout.trim()} ${version.stderr.trim()}`);

    const fakeCommand = readmeSnippet('Try it without a model', 'sh').trim();
    checks.check('the README starts the fake model server with one command', fakeCommand === FAKE_COMMAND, fakeCommand);
    const completeLine = quickStart.find((s) => / complete /.test(s)) ?? '';
    const match = new RegExp(`^${LAUNCHER.replace(/\//g, '\\/')} complete (\\S+):(\\d+):(\\d+)$`).exec(completeLine);
    if (!checks.check('the README shows a complete FILE:LINE:COL example with the launcher', match, completeLine)) return;
    const [, file, line, column] = match;
    if (!checks.check(`its file ${file} is in test-workspace/`, file.startsWith('test-workspace/')
      && fs.existsSync(path.join(repo, file)))) return;
    const lines = fs.readFileSync(path.join(repo, file), 'utf8').split('\n');
    checks.check(`${file}:${line}:${column} is a place in that file`, Number(line) <= lines.length
      && Number(column) <= [...(lines[Number(line) - 1] ?? '')].length + 1, JSON.stringify(lines[Number(line) - 1]));

    const config = path.join(sandbox.root, 'gptoss.json');
    fs.writeFileSync(config, JSON.stringify({ gptoss: { endpoints: [{ name: 'local', url: fake.url, api: 'ollama' }] } }));
    log(`README commands: the fake model at ${fake.url}; running complete ${file}:${line}:${column}`);
    // the image the README's build made, unpacked in the sandbox (dist/target may be rebuilt meanwhile)
    const result = await run(sandbox.launcher, ['complete', `${file}:${line}:${column}`, '--config', config],
      { cwd: repo, env: sandbox.userEnv });
    checks.check('complete prints the fake model\'s default answer', result.code === 0
      && result.stdout.trim() === DEFAULT_ANSWER, `exit ${result.code}, stdout ${JSON.stringify(result.stdout.trim())}`
      + (result.code === 0 ? '' : `, stderr ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`));
    const models = (await fake.requests()).map((r) => r.json?.model).filter(Boolean);
    checks.check('the fake has the model the default tier asks for', models.includes('gpt-oss:20b'), models.join(', '));
  });
}
