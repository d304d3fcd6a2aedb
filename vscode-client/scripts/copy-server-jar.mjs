// Puts the server jar built by Maven into the extension, which ships it in the .vsix.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const jar = resolve(client, '..', 'server', 'target', 'gptoss-ls.jar');
const target = join(client, 'server', 'gptoss-ls.jar');

if (!existsSync(jar)) {
  console.error(`The server jar ${jar} is not built. Build it first from the repository root: mvn -DskipTests package`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(jar, target);
console.log(`Copied ${jar} (${Math.round(statSync(jar).size / 1024)} KiB) to ${target}`);
