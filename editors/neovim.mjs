// Neovim, headless, with the README's snippets as its init.lua: 0.12 (Debian sid's, installed into
// .test-tools by scripts/install-test-tools.sh) with inline completion, and 0.7 (Debian 12's) with
// completion items. The driver scripts in neovim/ type and pick as a person would.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, readmeSnippet, runEditorTest, toolsDir } from './lib/harness.mjs';

const drivers = path.join(path.dirname(fileURLToPath(import.meta.url)), 'neovim');
/** The fake's answer time, so that the reported time to the first suggestion can be read against it. */
export const SERVICE_MS = 200;

function sidNeovim() {
  const root = path.join(toolsDir, 'neovim-sid');
  return {
    file: path.join(root, 'lib64/ld-linux-x86-64.so.2'),
    // Sid's Neovim needs sid's C library: it runs with sid's loader and libraries, which the
    // language server it starts (gptoss-ls, from PATH) does not inherit.
    args: ['--library-path', `${root}/usr/lib/x86_64-linux-gnu:${root}/lib/x86_64-linux-gnu`, `${root}/usr/bin/nvim`],
    env: { VIMRUNTIME: path.join(root, 'usr/share/nvim/runtime') },
    missing: fs.existsSync(path.join(root, 'usr/bin/nvim')) ? null : `${root} has no Neovim (run scripts/install-test-tools.sh)`,
  };
}

function debianNeovim() {
  return {
    file: '/usr/bin/nvim',
    args: [],
    env: {},
    missing: fs.existsSync('/usr/bin/nvim') ? null : '/usr/bin/nvim is missing (run scripts/install-test-tools.sh)',
  };
}

export const variants = {
  'neovim-0.12': {
    title: 'Neovim 0.12 (inline completion)',
    nvim: sidNeovim,
    snippets: () => [readmeSnippet('Neovim 0.10 and later', 'lua', 0), readmeSnippet('Neovim 0.10 and later', 'lua', 1)],
    driver: 'inline.lua',
  },
  'neovim-0.7': {
    title: 'Neovim 0.7 (completion items)',
    nvim: debianNeovim,
    snippets: () => [readmeSnippet('Neovim 0.7 to 0.9', 'lua', 0)],
    driver: 'items.lua',
  },
};

export async function runNeovim(name) {
  const variant = variants[name];
  const nvim = variant.nvim();
  return runEditorTest({
    name,
    title: variant.title,
    // Neovim reads init.lua from $XDG_CONFIG_HOME/nvim, as it would a person's; -n: no swap file.
    editor: {
      ...nvim,
      args: [...nvim.args, '--headless', '-n', '-i', 'NONE', '-S', path.join(drivers, variant.driver), 'python/calc.py'],
      env: { ...nvim.env, GPTOSS_E2E_DRIVERS: drivers },
      logs: ['home/.local/state/nvim/lsp.log', 'home/.cache/nvim/lsp.log'],
    },
    config: { file: '.config/nvim/init.lua', text: variant.snippets().join('\n') },
    fakeArgs: ['--service-ms', String(SERVICE_MS)],
    // Timing is reported, not asserted: a shared CI machine's load decides it (the guide keeps timing
    // goals in benchmarks; bench/FirstSuggestionMain measures this on a quiet machine).
    report(checks, notes) {
      const firstMs = notes.firstRequestToGhostTextMs;
      if (firstMs === undefined) return;
      log(`${variant.title}: the first suggestion was drawn ${firstMs.toFixed(1)} ms after its request`
        + ` (the fake answers in ${SERVICE_MS} ms)`);
    },
  });
}
