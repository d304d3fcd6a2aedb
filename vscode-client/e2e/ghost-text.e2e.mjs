#!/usr/bin/env node
// End-to-end test of the extension in a real VS Code (code-server 4.100.3 in headless Chromium):
// the project's fake model backend answers, the platform .vsix, installed with no Java on the
// extension host's PATH, starts the runtime image it carries with the settings snippet from the
// README, and a key typed in calc.py as soon as the status bar shows
// the model gets ghost text; Tab accepts it, a LUKHAS quick fix applies, the status bar lists the
// instances, and it goes offline once the backend is killed.
//
//   npm run test:e2e        (after npm run package:platform and ../scripts/install-test-tools.sh)
//
// Environment: CODE_SERVER_DIR (default .test-tools/code-server in the repository), GPTOSS_VSIX
// (default vscode-client/gptoss-ls-linux-x64.vsix, this platform's), GPTOSS_E2E_SHOT=FILE saves a screenshot of the ghost text
// there (none by default); GPTOSS_E2E_SHOW_LOG=1 prints the extension's log after a pass too (it is
// always printed after a failure, GPTOSS_E2E_LOG_LINES lines of it, 40 by default). Everything it
// writes goes to a temp folder, but for the screenshot of a failure: target/e2e/vscode-failure.png.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  URL_PLACEHOLDER, fillIn, makeSandbox, makeWorkspace, processTree, readmeSnippet, removeSandbox, startFake,
  stopTree, toolsDir, which,
} from '../../editors/lib/harness.mjs';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(clientDir, '..');
const installDir = path.resolve(process.env.CODE_SERVER_DIR ?? path.join(toolsDir, 'code-server'));
const target = `${process.platform}-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;
const vsix = path.resolve(process.env.GPTOSS_VSIX ?? path.join(clientDir, `gptoss-ls-${target}.vsix`));
const shot = process.env.GPTOSS_E2E_SHOT ? path.resolve(process.env.GPTOSS_E2E_SHOT) : null;
const failShot = path.join(repo, 'target', 'e2e', 'vscode-failure.png');
const file = 'python/calc.py';
const lukhasFile = 'lukhas/python/cache.py';
const entry = path.join(installDir, 'node_modules/code-server/out/node/entry.js');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MARKER = 'gptoss-e2e';
const ANSWER = `a + b  # ${MARKER}`;
// Line 6 of calc.py is the indented blank line in add(); the cursor goes to its end.
const LINE = 6;
const TYPED = 'return ';
const OFFLINE_WITHIN_MS = 20_000;

const t0 = Date.now();
const log = (msg) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  if (!ok) throw new Error(`check failed: ${name}${detail ? ` (${detail})` : ''}`);
}

for (const [what, p, hint] of [
  ['code-server', entry, 'run scripts/install-test-tools.sh in the repository'],
  ['vsix', vsix, 'run npm run package:platform'],
  ['chromium', CHROMIUM, 'run scripts/install-test-tools.sh, which installs it'],
]) {
  if (!fs.existsSync(p)) {
    console.error(`e2e: ${what} not found: ${p}${hint ? ` (${hint})` : ''}`);
    process.exit(2);
  }
}
const { chromium } = createRequire(path.join(installDir, 'package.json'))('playwright-core');

const sandbox = makeSandbox('vscode');
// A user with no Java at all: not on PATH, no JAVA_HOME; and no gptoss-ls installed either.
const userEnv = { ...sandbox.userEnv, PATH: sandbox.pathWithoutJava };
const tmp = sandbox.root;
const serverLog = path.join(tmp, 'code-server.log');
const profileArgs = ['--user-data-dir', path.join(tmp, 'data'), '--extensions-dir', path.join(tmp, 'extensions'),
  '--config', path.join(tmp, 'config.yaml')];
let codeServer = null;
let fake = null;
let context = null;
let page = null;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function runCodeServer(args) {
  const out = fs.openSync(serverLog, 'a');
  const child = spawn(process.execPath, [entry, ...args, ...profileArgs], {
    env: userEnv,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  return child;
}

/**
 * The README's settings snippet, pointed at the fake, plus what keeps the browser workbench quiet.
 * code-server is a remote window: as the README says, `gptoss.endpoints` (a machine setting: the URL
 * is resolved where the server runs) goes in the Remote settings, which code-server keeps in
 * data/Machine/settings.json; the User file of a remote window does not carry machine settings.
 */
function writeUserSettings(backendUrl) {
  const readme = JSON.parse(fillIn(readmeSnippet('VS Code', 'json'), URL_PLACEHOLDER, backendUrl));
  const write = (dir, settings) => {
    fs.mkdirSync(path.join(tmp, 'data', dir), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'data', dir, 'settings.json'), JSON.stringify(settings, null, 2));
  };
  write('User', {
    'workbench.startupEditor': 'none',
    'files.autoSave': 'off',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'editor.inlineSuggest.enabled': true,
    'git.openRepositoryInParentFolders': 'never',
  });
  write('Machine', readme);
}

async function waitForHealthy(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it served`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000}s`);
}

/** SIGTERM to code-server and everything under it (the extension host, our Java server), then SIGKILL. */
async function stopCodeServer() {
  if (codeServer) await stopTree(processTree(codeServer.pid));
}

let cleaning = null;
function cleanUp() {
  cleaning ??= (async () => {
    if (context) await context.close().catch(() => {});
    await stopCodeServer();
    await fake?.stop();
    try {
      removeSandbox(sandbox);
    } catch (error) {
      log(`could not remove ${tmp}: ${error.message}`);
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    await cleanUp();
    process.exit(130);
  });
}

async function quickOpen(query) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(query);
    try {
      // Its row, not the first row: that may still be a recently opened file while the search runs.
      await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(query)}"]`,
        { timeout: 20000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      if (attempt === 2) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Text of the webview whose page holds `heading`, once it matches `pattern`; '' if none does in time. */
async function webviewText(heading, pattern, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes(heading) && pattern.test(text)) return text.replace(/\s+/g, ' ');
    }
    await page.waitForTimeout(250);
  }
  return '';
}

const statusItem = (state) => `.statusbar-item [aria-label^="gpt-oss: ${state}"], .statusbar-item[aria-label^="gpt-oss: ${state}"]`;

async function statusLabel() {
  return page.$$eval('.statusbar-item [aria-label^="gpt-oss:"], .statusbar-item[aria-label^="gpt-oss:"]',
    (els) => [...new Set(els.map((e) => `${e.getAttribute('aria-label')} [${e.textContent.trim()}]`))].join(' | '));
}

async function ghostText() {
  return page.$$eval('.editor-instance .monaco-editor .ghost-text-decoration, .editor-instance .monaco-editor .ghost-text',
    (els) => els.map((e) => e.textContent).join('').replace(/\u00a0/g, ' '));
}

async function linesWith(wanted) {
  return page.$$eval('.editor-instance .monaco-editor .view-line', (els, text) => {
    const top = (e) => parseFloat(e.style.top || '0');
    const sorted = [...els].sort((x, y) => top(x) - top(y));
    return sorted.map((e) => e.textContent.replace(/\u00a0/g, ' ')).filter((t) => t.includes(text)).join('\n');
  }, wanted);
}

/** Puts the cursor at the end of line `n` of the active editor (Go to Line, then End). */
async function goToEndOfLine(n) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
}

/** Opens a file by Quick Open; tries again if its tab does not come up (seen once on a loaded machine). */
async function openFile(rel) {
  const tab = `.tabs-container .tab.active[aria-label*="${path.basename(rel)}"]`;
  for (let attempt = 1; ; attempt++) {
    await quickOpen(rel);
    try {
      await page.waitForSelector(tab, { timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      log(`${rel} did not open; Quick Open again`);
      await page.keyboard.press('Escape');
    }
  }
  await page.click('.editor-instance .monaco-editor .view-lines');
}

async function main() {
  fake = await startFake(sandbox, ['--answer', ANSWER]);
  log(`fake backend at ${fake.url}`);
  const workspace = makeWorkspace(sandbox, [file, lukhasFile]);

  check('the extension host has no java and no gptoss-ls on its PATH, and no JAVA_HOME',
    which('java', userEnv.PATH) === null && which('gptoss-ls', userEnv.PATH) === null && !userEnv.JAVA_HOME,
    which('java', userEnv.PATH) ?? '');
  const installer = runCodeServer(['--install-extension', vsix]);
  const installed = await new Promise((resolve) => installer.on('exit', resolve));
  if (installed !== 0) throw new Error(`code-server --install-extension exited with ${installed}`);
  log(`installed ${path.basename(vsix)}`);

  writeUserSettings(fake.url);
  const port = await freePort();
  codeServer = runCodeServer(['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust']);
  await waitForHealthy(port, codeServer, 60_000);
  log(`code-server pid ${codeServer.pid} on 127.0.0.1:${port}`);

  context = await chromium.launchPersistentContext(path.join(tmp, 'chrome-profile'), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 720 }, args: CHROMIUM_ARGS,
    env: { ...process.env, ...sandbox.env, HOME: path.join(tmp, 'chrome-home') },
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  page = context.pages()[0] ?? await context.newPage();
  const url = new URL(`http://127.0.0.1:${port}/`);
  url.searchParams.set('folder', workspace);
  await page.goto(url.href, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const workbenchAt = Date.now();
  log('workbench visible');

  // A person opens a file at once and starts typing when the status bar shows the model.
  await openFile(file);
  await goToEndOfLine(LINE);
  log(`${file} open at line ${LINE}`);
  await page.waitForFunction(() => [...document.querySelectorAll(
    '.statusbar-item [aria-label^="gpt-oss:"], .statusbar-item[aria-label^="gpt-oss:"]')]
    .some((e) => e.textContent.includes('gpt-oss:20b')), undefined, { timeout: 60_000 }).catch(() => {});
  const shown = await statusLabel();
  check('the status bar shows the model', shown.includes('gpt-oss:20b'), shown);
  const started = findFiles(path.join(tmp, 'data', 'logs'), /gpt-oss\.log$/)
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n')).find((l) => l.includes('Starting ')) ?? '';
  check('the extension started the runtime image it carries', /server\/gptoss-ls\/bin\/gptoss-ls \(the server with its own Java runtime\)/
    .test(started), started.slice(started.indexOf('Starting')));
  log(`the status bar shows the model ${((Date.now() - workbenchAt) / 1000).toFixed(1)} s after the workbench`);
  // One input event, so VS Code asks once, at the end (typed key by key, the fake's one fixed
  // answer would also be offered, and discarded, at each earlier key).
  await page.keyboard.insertText(TYPED);
  const typedAt = Date.now();
  log(`typed ${JSON.stringify(TYPED)} at the end of line ${LINE} of ${file}`);
  await page.waitForFunction((marker) => [...document.querySelectorAll(
    '.editor-instance .monaco-editor .ghost-text-decoration, .editor-instance .monaco-editor .ghost-text')]
    .map((e) => e.textContent).join('').includes(marker), MARKER, { timeout: 10_000 }).catch(() => {});
  const ghost = await ghostText();
  check('the first key typed once the model shows gets ghost text from the fake backend', ghost.includes(MARKER),
    `${JSON.stringify(ghost)} after ${Date.now() - typedAt} ms`);

  if (shot) {
    await page.waitForTimeout(500);
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    log(`screenshot ${shot}`);
  }

  await page.keyboard.press('Tab');
  const accepted = `    ${TYPED}${ANSWER}`;
  await page.waitForFunction((expected) => [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')]
    .some((l) => l.textContent.replace(/\u00a0/g, ' ').includes(expected)), accepted, { timeout: 5000 }).catch(() => {});
  const line = await linesWith(ANSWER);
  check('Tab inserts the suggestion into the line', line.includes(accepted), JSON.stringify(line));

  await openFile(lukhasFile);
  const lukhasLine = fs.readFileSync(path.join(workspace, lukhasFile), 'utf8').split('\n')
    .findIndex((l) => l.includes('json.dumps(payload')) + 1;
  await goToEndOfLine(lukhasLine);
  await page.waitForSelector('.editor-instance .monaco-editor [class*="squiggly-"]', { timeout: 30_000 }).catch(() => {});
  await page.keyboard.press('Control+.');
  const fixTitle = 'Add sort_keys=True';
  const menu = await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 10_000 })
    .then(() => page.$$eval('.action-widget .monaco-list-row', (rows) => rows.map((r) => r.textContent).join(' | ')))
    .catch(() => '');
  check('Ctrl+. on the LUKHAS finding offers its quick fix', menu.includes(fixTitle), menu.slice(0, 240));
  // The menu's first action has the focus; arrow down to the fix, as a person would.
  for (let i = 0; i < 12; i++) {
    const focused = await page.$eval('.action-widget .monaco-list-row.focused', (r) => r.textContent).catch(() => '');
    if (focused.includes(fixTitle)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')]
    .some((l) => l.textContent.includes('sort_keys=True')), undefined, { timeout: 5000 }).catch(() => {});
  const fixed = await linesWith('json.dumps(');
  check(`"${fixTitle}" changes the line`, fixed.includes('sort_keys=True'), JSON.stringify(fixed.trim()));

  await page.click(statusItem('ready'));
  const picks = await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: 10_000 })
    .then(() => page.$$eval('.quick-input-widget .monaco-list-row', (rows) => rows.map((r) => r.textContent).join(' | ')))
    .catch(() => '');
  check('clicking the status item lists the model instances', /fast · \S+ · gpt-oss:20b/.test(picks), picks.slice(0, 200));
  await page.keyboard.press('Escape');

  await runCommand('gpt-oss: Show Metrics');
  const metrics = await webviewText('gpt-oss metrics', /Latency by model|Cache hit rate|No metrics recorded|not available yet/);
  check('the metrics view opens and shows metrics or says they are not available', metrics !== '', metrics.slice(0, 160));
  // Close it with the mouse: the keyboard focus is inside the webview's frame now.
  await page.click('.tabs-container .tab.active[aria-label*="gpt-oss metrics"] .tab-actions .action-label');

  await runCommand('gpt-oss: Show Context Sent to the Model');
  const contextShown = await page.waitForFunction(() => {
    const notes = [...document.querySelectorAll('.notification-list-item-message')].map((e) => e.textContent);
    const note = notes.find((t) => t.includes('context'));
    if (note) return `message: ${note}`;
    const tab = document.querySelector('.tabs-container .tab.active[aria-label*="Untitled"]');
    return tab ? `document: ${tab.getAttribute('aria-label')}` : false;
  }, undefined, { timeout: 10_000 }).then((h) => h.jsonValue()).catch(() => '');
  check('Show Context opens the context of the last prompt', contextShown !== '', contextShown);
  await runCommand('Notifications: Clear All Notifications');

  await fake.stop();
  const killedAt = Date.now();
  log('stopped the fake backend');
  await page.waitForSelector(statusItem('offline'), { timeout: OFFLINE_WITHIN_MS }).catch(() => {});
  const offline = await statusLabel();
  check(`status bar turns offline within ${OFFLINE_WITHIN_MS / 1000} s`, /^gpt-oss: offline/.test(offline),
    `${offline}; after ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
}

function printTail(title, file, lines = 30) {
  if (!fs.existsSync(file)) return;
  console.error(`--- last lines of ${title} (${file}):`);
  console.error(fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'));
}

function findFiles(dir, pattern) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, String(f))).filter((f) => pattern.test(f));
}

let status = 0;
try {
  await main();
} catch (error) {
  status = 1;
  console.error(`e2e: FAIL: ${error.message.split('\n').slice(0, 3).join(' / ')}`);
  // A step that broke off (not a check) is a failure too, in the closing count.
  if (results.every((r) => r.ok)) results.push({ name: 'the test ran', ok: false });
  if (page) {
    await page.keyboard.press('Escape').catch(() => {});
    await runCommand('Notifications: Show Notifications').catch(() => {});
    const notes = await page.$$eval('.notification-list-item-message', (els) => els.map((e) => e.textContent))
      .catch(() => []);
    if (notes.length) console.error(`notifications:\n  ${notes.join('\n  ')}`);
    fs.mkdirSync(path.dirname(failShot), { recursive: true });
    await page.screenshot({ path: failShot }).then(() => console.error(`page at failure: ${failShot}`), () => {});
  }
  for (const f of findFiles(path.join(tmp, 'data', 'logs'), /gpt-oss\.log$/)) printTail('the extension log', f, Number(process.env.GPTOSS_E2E_LOG_LINES ?? 40));
  if (fake) printTail('the fake backend log', fake.logFile, 15);
  printTail('the code-server log', serverLog, 15);
} finally {
  if (status === 0 && process.env.GPTOSS_E2E_SHOW_LOG) {
    for (const f of findFiles(path.join(tmp, 'data', 'logs'), /gpt-oss\.log$/)) printTail('the extension log', f, 3000);
  }
  await cleanUp();
}
const passed = results.filter((r) => r.ok).length;
console.log(`e2e: ${passed} passed, ${results.length - passed} failed`);
process.exit(status);
