// The platform .vsix: `vsce package --target <this platform>` over an extension whose server/ holds
// the runtime image (scripts/copy-server.mjs image). Its name says the target: gptoss-ls-linux-x64.vsix.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// VS Code's names for the platforms an image can be built on (dist's names differ: macos, windows)
const target = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;
execFileSync(process.execPath, [join(client, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--target', target, '--no-dependencies', '--skip-license',
  '--allow-missing-repository', '--out', `gptoss-ls-${target}.vsix`], { cwd: client, stdio: 'inherit' });
