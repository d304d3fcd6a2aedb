// What every real-editor test shares: the project's fake model server, a throw-away home and
// workspace, the runtime image unpacked from its tarball and a PATH with it and without Java, the
// README's configuration snippets, process trees stopped by PID, and one line per check.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The platform's name in the runtime image's tarball, as dist's build names it. */
export function platformName() {
  const os = { linux: 'linux', darwin: 'macos', win32: 'windows' }[process.platform] ?? process.platform;
  return `${os}-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;
}
/** What the README's build command makes and a user unpacks: the server with its own Java runtime. */
export const imageTarball = path.join(repo, 'dist/target', `gptoss-ls-${platformName()}.tar.gz`);
export const fakeJar = path.join(repo, 'fake-model/target/gptoss-fake-model-runnable.jar');
/** Where the test tools are installed (scripts/install-test-tools.sh); git-ignored. */
export const toolsDir = path.resolve(process.env.GPTOSS_TEST_TOOLS ?? path.join(repo, '.test-tools'));

/** The placeholder a person replaces in a README snippet (their model server); the tests replace exactly this. */
export const URL_PLACEHOLDER = 'http://127.0.0.1:11434';

const t0 = Date.now();
export const log = (msg) => console.log(`[+${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

/** Checks of one run; a failed check is printed and counted, and the caller decides whether to go on. */
export class Checks {
  constructor(prefix) {
    this.prefix = prefix;
    this.results = [];
  }

  check(name, ok, detail = '') {
    this.results.push({ name: `${this.prefix}: ${name}`, ok: Boolean(ok) });
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${this.prefix}: ${name}${detail ? ` (${detail})` : ''}`);
    return Boolean(ok);
  }

  get failed() {
    return this.results.filter((r) => !r.ok).length;
  }
}

/**
 * The fenced block of `lang` that follows the heading `heading` (a line starting with #'s and that
 * text) in README.md, or the `index`-th such block in that section. Throws if there is none, so a
 * README change that drops a snippet fails the test instead of skipping it.
 */
export function readmeSnippet(heading, lang, index = 0) {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '').trim() === heading);
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  const blocks = [];
  let current = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (current === null && /^#+ /.test(line)) break;
    if (current === null && line.trim() === '```' + lang) {
      current = [];
    } else if (current !== null && line.trim() === '```') {
      blocks.push(current.join('\n') + '\n');
      current = null;
    } else if (current !== null) {
      current.push(line);
    }
  }
  if (blocks.length <= index) throw new Error(`README.md's "${heading}" has no ${lang} block number ${index + 1}`);
  return blocks[index];
}

/** Every fenced block of `lang` in the section under `heading`, in order. */
export function readmeSnippets(heading, lang) {
  const blocks = [];
  for (let i = 0; ; i++) {
    try {
      blocks.push(readmeSnippet(heading, lang, i));
    } catch (error) {
      if (i === 0) throw error;
      return blocks;
    }
  }
}

/** Where `command` is found on `pathValue` (a PATH string), or null. */
export function which(command, pathValue) {
  for (const dir of pathValue.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch { /* not here */ }
  }
  return null;
}

/** Replaces `placeholder` in `text`, which must hold it exactly once. */
export function fillIn(text, placeholder, value) {
  const count = text.split(placeholder).length - 1;
  if (count !== 1) throw new Error(`expected "${placeholder}" once in the README snippet, found it ${count} times`);
  return text.replace(placeholder, () => value);
}

/**
 * A temp folder with a fake home, XDG dirs and the runtime image unpacked from its tarball, as a user
 * installs it (`launcher`, `bin`); `userEnv` is the environment a user without Java has: PATH holds the
 * image's bin/ and every command of this PATH but Java's, and there is no JAVA_HOME. Removed by
 * removeSandbox().
 */
export function makeSandbox(name) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `gptoss-${name}-`));
  const home = path.join(root, 'home');
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_STATE_HOME: path.join(home, '.local/state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(root, 'run'),
  };
  for (const dir of Object.values(env)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Unpacked here, not run from dist/target, which a Maven build running meanwhile rewrites.
  execFileSync('tar', ['-xzf', imageTarball, '-C', root]);
  const bin = path.join(root, 'gptoss-ls', 'bin');
  const pathWithoutJava = commandsWithoutJava(path.join(root, 'path'));
  const userEnv = { ...process.env, ...env, PATH: [bin, pathWithoutJava].join(path.delimiter) };
  for (const name of Object.keys(userEnv)) {
    if (name.startsWith('JAVA') || name.startsWith('JDK_')) delete userEnv[name];
  }
  return { root, home, env, bin, launcher: path.join(bin, 'gptoss-ls'), userEnv, pathWithoutJava };
}

/**
 * A folder of links to every command on this PATH but the JDK's (java, javac, jshell, ...: any whose
 * real file is under a jvm/ folder, and any named java), first one of a name wins, as PATH does.
 */
export function commandsWithoutJava(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const from of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    let names;
    try { names = fs.readdirSync(from); } catch { continue; }
    for (const name of names) {
      const file = path.join(from, name);
      const link = path.join(dir, name);
      if (name === 'java' || fs.existsSync(link)) continue;
      try {
        const real = fs.realpathSync(file);
        if (real.split(path.sep).includes('jvm') || !fs.statSync(real).isFile()) continue;
        fs.accessSync(real, fs.constants.X_OK);
        fs.symlinkSync(file, link);
      } catch { /* not a command */ }
    }
  }
  return dir;
}

/**
 * A workspace in the sandbox holding copies of `files` (paths relative to test-workspace/), in the
 * same folders, and an empty .git so that editors find its root as they would a project's.
 */
export function makeWorkspace(sandbox, files) {
  const dir = path.join(sandbox.root, 'workspace');
  for (const rel of files) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(path.join(repo, 'test-workspace', rel), path.join(dir, rel));
  }
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  return dir;
}

/**
 * Starts the fake model server on a free loopback port; resolves with `{url, stop}` once it prints
 * its URL. It exits when our end of its stdin closes, so it cannot outlive this process.
 */
export async function startFake(sandbox, args) {
  const logFile = path.join(sandbox.root, 'fake-model.log');
  const jar = path.join(sandbox.root, 'fake-model.jar');
  fs.copyFileSync(fakeJar, jar);
  const out = fs.openSync(logFile, 'a');
  // The fake is the test's, not the user's: it runs on the Java that runs the build.
  const child = spawn('java', ['-jar', jar, '--port', '0', '--exit-on-stdin-eof', ...args],
    { stdio: ['pipe', 'pipe', out], env: { ...process.env, ...sandbox.env } });
  fs.closeSync(out);
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fake model server printed no URL within 30 s')), 30_000);
    child.on('exit', (code) => reject(new Error(`the fake model server exited with ${code}; see ${logFile}`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^FAKE_BACKEND_URL=(\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return {
    url,
    logFile,
    /** The model requests it received, oldest first, from its control route. */
    async requests() {
      return (await fetch(`${url}/_fake/requests`)).json();
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function readProc(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), state: fields[0], start: fields[19] };
  } catch {
    return null;
  }
}

/** `rootPid` and every process below it, with start times so that a recycled PID is never signalled. */
export function processTree(rootPid) {
  const procs = fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map((n) => readProc(Number(n))).filter(Boolean);
  const tree = procs.filter((p) => p.pid === rootPid);
  const pids = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (pids.has(p.ppid) && !pids.has(p.pid)) { pids.add(p.pid); tree.push(p); grew = true; }
    }
  }
  return tree;
}

function alive(p) {
  const now = readProc(p.pid);
  return now !== null && now.start === p.start && now.state !== 'Z';
}

/** SIGTERM to `tree` (from processTree, taken while its root still lived), then SIGKILL to what is left. */
export async function stopTree(tree) {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    const left = tree.filter(alive);
    if (left.length === 0) return;
    for (const p of left) { try { process.kill(p.pid, signal); } catch { /* gone */ } }
    for (let waited = 0; waited < 5000 && tree.some(alive); waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Runs an editor to the end of its driver script (at most `timeoutMs`), its output in `logFile`.
 * The editor's process tree (the language server under it included) is watched while it runs and
 * stopped by PID when it ends or times out, so nothing it started outlives the test.
 */
export async function runEditor(command, args, { cwd, env, logFile, timeoutMs }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const seen = new Map();
  const watch = setInterval(() => {
    for (const p of processTree(child.pid)) seen.set(`${p.pid}/${p.start}`, p);
  }, 200);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    for (const p of processTree(child.pid)) seen.set(`${p.pid}/${p.start}`, p);
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
  clearTimeout(timer);
  clearInterval(watch);
  const exitedAt = Date.now();
  const left = [...seen.values()].filter(alive);
  await stopTree(left);
  if (left.length) log(`stopped ${left.length} process(es) left by ${path.basename(command)} in ${Date.now() - exitedAt} ms`);
  return { code, timedOut };
}

/** The last `lines` lines of a file, for a failure report. */
export function tail(file, lines = 30) {
  if (!fs.existsSync(file)) return `(no ${file})`;
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

export function removeSandbox(sandbox) {
  if (process.env.GPTOSS_E2E_KEEP) {
    log(`kept ${sandbox.root}`);
    return;
  }
  fs.rmSync(sandbox.root, { recursive: true, force: true, maxRetries: 5 });
}

/**
 * Runs `body(sandbox, fake)` with a sandbox and the fake model server started with `fakeArgs`;
 * an exception fails the check "the test ran"; both are gone afterwards, whatever happened.
 */
export async function withFake(name, checks, fakeArgs, body) {
  const sandbox = makeSandbox(name);
  let fake = null;
  try {
    fake = await startFake(sandbox, fakeArgs);
    await body(sandbox, fake);
  } catch (error) {
    checks.check('the test ran', false, error.message);
  } finally {
    await fake?.stop();
    removeSandbox(sandbox);
  }
  return checks;
}

/** The fake model's answer in the editor tests: easy to tell from anything else in the file. */
export const ANSWER = 'a + b  # gptoss-e2e';

/**
 * One editor test: the fake model server, a sandbox with a workspace holding calc.py and a LUKHAS
 * sample, the editor's configuration file written from `config(jar, url)`, and the editor run with
 * its driver, which writes its checks, notes and phases to a JSON file that is reported here.
 */
export async function runEditorTest({ name, title, editor, config, fakeArgs = [], report = () => {} }) {
  const checks = new Checks(title);
  if (editor.missing) {
    checks.check('the editor is installed', false, editor.missing);
    return checks;
  }
  return withFake(name, checks, ['--answer', ANSWER, ...fakeArgs], async (sandbox, fake) => {
    const workspace = makeWorkspace(sandbox, ['python/calc.py', 'lukhas/python/cache.py']);
    const file = path.join(sandbox.home, config.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fillIn(config.text, URL_PLACEHOLDER, fake.url));
    checks.check('the editor\'s PATH has gptoss-ls and no java', which('java', sandbox.userEnv.PATH) === null
      && which('gptoss-ls', sandbox.userEnv.PATH) === sandbox.launcher, which('java', sandbox.userEnv.PATH) ?? '');
    const resultFile = path.join(sandbox.root, 'result.json');
    const editorLog = path.join(sandbox.root, 'editor.log');
    log(`${title}: fake model at ${fake.url}; opening python/calc.py`);
    const started = Date.now();
    const { code, timedOut } = await runEditor(editor.file, editor.args, {
      cwd: workspace,
      env: {
        ...sandbox.userEnv, ...editor.env,
        GPTOSS_E2E_RESULT: resultFile,
        GPTOSS_E2E_ANSWER: ANSWER,
        GPTOSS_E2E_LUKHAS_FILE: path.join(workspace, 'lukhas/python/cache.py'),
      },
      logFile: editorLog,
      timeoutMs: 120_000,
    });
    const result = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : null;
    if (!result) {
      checks.check('the editor ran its driver to the end', false, timedOut ? 'timed out' : `exit ${code}`);
    } else {
      const notes = result.notes ?? {};
      log(`${title}: ${notes.version ?? '?'}; server attached after ${Math.round(notes.attachedAfterMs ?? -1)} ms; `
        + `${(result.phases ?? []).join(', ')}; the editor exited ${((Date.now() - started) / 1000).toFixed(1)} s after its start`);
      for (const c of result.checks) checks.check(c.name, c.ok, c.detail);
      if (result.error) checks.check('the driver ran without an error', false, result.error);
      report(checks, notes);
    }
    if (checks.failed) {
      console.error(`--- ${title}: the editor's output (${editorLog}):\n${tail(editorLog)}`);
      for (const extra of editor.logs ?? []) {
        const f = path.join(sandbox.root, extra);
        if (fs.existsSync(f)) console.error(`--- ${f}:\n${tail(f)}`);
      }
      console.error(`--- the fake model server's log:\n${tail(fake.logFile, 15)}`);
    }
  });
}
