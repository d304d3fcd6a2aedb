// Emacs (Debian 12's emacs-nox) with eglot (Debian 12's elpa-eglot, 1.9), in batch mode, with the
// README's snippet as its init file. emacs/drive.el types, completes and picks as a person would.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readmeSnippet, runEditorTest } from './lib/harness.mjs';

const driver = path.join(path.dirname(fileURLToPath(import.meta.url)), 'emacs', 'drive.el');

export async function runEmacs() {
  return runEditorTest({
    name: 'emacs',
    title: 'Emacs (eglot)',
    // --batch skips two steps of a normal start: activating the installed packages (Debian's
    // elpa-eglot among them) and loading the init file; both are done here, in that order.
    editor: {
      file: '/usr/bin/emacs',
      args: ['--batch', '--eval', '(package-activate-all)', '-l', '~/.emacs.d/init.el', '-l', driver],
      env: {},
      missing: fs.existsSync('/usr/bin/emacs') ? null : '/usr/bin/emacs is missing (run scripts/install-test-tools.sh)',
    },
    config: { file: '.emacs.d/init.el', text: readmeSnippet('Emacs (eglot)', 'elisp', 0) },
  });
}
