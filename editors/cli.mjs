import { Checks } from './lib/harness.mjs';
export async function runCli() { return new Checks('cli'); }
