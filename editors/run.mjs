#!/usr/bin/env node
// The real-editor tests: each editor, headless, configured with its snippet from README.md, shows a
// suggestion from the project's fake model server and applies a LUKHAS quick fix.
//
//   node editors/run.mjs [cli] [neovim-0.12] [neovim-0.7] [emacs]     (default: all of them)
//
// Needs the runtime image's tarball and the fake-model jar (mvn package) and the editors
// (scripts/install-test-tools.sh). Each editor runs with a PATH that has gptoss-ls and no Java.
// GPTOSS_E2E_KEEP=1 keeps each test's temp folder. Prints one line per check and, last,
// "editors: N passed, N failed"; exits 1 if any check failed.
import fs from 'node:fs';
import { fakeJar, imageTarball, log } from './lib/harness.mjs';
import { runCli } from './cli.mjs';
import { runEmacs } from './emacs.mjs';
import { runNeovim, variants } from './neovim.mjs';

const all = { cli: runCli, ...Object.fromEntries(Object.keys(variants).map((n) => [n, () => runNeovim(n)])), emacs: runEmacs };
const chosen = process.argv.slice(2);
for (const name of chosen) {
  if (!all[name]) {
    console.error(`editors/run.mjs: unknown test ${name}; choose from ${Object.keys(all).join(', ')}`);
    process.exit(2);
  }
}
for (const built of [imageTarball, fakeJar]) {
  if (!fs.existsSync(built)) {
    console.error(`editors/run.mjs: ${built} is missing; build it first: mvn -B -ntp package -DskipTests`);
    process.exit(2);
  }
}

const results = [];
for (const name of chosen.length ? chosen : Object.keys(all)) {
  const started = Date.now();
  const checks = await all[name]();
  results.push(...checks.results);
  log(`${name}: ${checks.failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const passed = results.filter((r) => r.ok).length;
console.log(`editors: ${passed} passed, ${results.length - passed} failed`);
process.exit(results.length > 0 && passed === results.length ? 0 : 1);
