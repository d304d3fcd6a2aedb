// Puts the server Maven built into the extension's server/ folder, for one of the two .vsix forms:
//   node scripts/copy-server.mjs jar     the universal .vsix: server/gptoss-ls.jar (it finds a Java to run it)
//   node scripts/copy-server.mjs image   the platform .vsix: server/gptoss-ls/, the runtime image (no Java needed)
// Whatever the other form put there is removed first, so each .vsix carries one server.
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(client, '..');
const target = join(client, 'server');
const form = process.argv[2];
const from = {
  jar: join(repo, 'server', 'target', 'gptoss-ls.jar'),
  image: join(repo, 'dist', 'target', 'gptoss-ls'),
}[form];

if (!from) {
  console.error('usage: node scripts/copy-server.mjs jar|image');
  process.exit(2);
}
if (!existsSync(from)) {
  console.error(`${from} is not built. Build it first from the repository root: mvn -B -ntp package -DskipTests`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const to = join(target, form === 'jar' ? 'gptoss-ls.jar' : 'gptoss-ls');
// cpSync keeps the files' modes: the launcher and the runtime's java stay executable
cpSync(from, to, { recursive: true, verbatimSymlinks: true });
const size = form === 'jar' ? statSync(to).size : undefined;
console.log(`Copied ${from} to ${to}${size ? ` (${Math.round(size / 1024)} KiB)` : ''}`);
