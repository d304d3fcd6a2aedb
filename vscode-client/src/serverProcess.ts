import * as path from 'node:path';

/** How the server process is started, and what the client remembers about its crashes. */

export const DEFAULT_VMARGS = '-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xms32m -Xmx256m';

/** Splits JVM options on blanks; "double" or 'single' quotes keep a blank inside one option. */
export function splitVmArgs(vmargs: string | undefined): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|([^\s"']+)/g;
  let current: string | undefined;
  let lastEnd = -1;
  for (let match = pattern.exec(vmargs ?? ''); match; match = pattern.exec(vmargs ?? '')) {
    const piece = match[1] ?? match[2] ?? match[3];
    if (current !== undefined && match.index === lastEnd) {
      current += piece;
    } else {
      if (current !== undefined) args.push(current);
      current = piece;
    }
    lastEnd = pattern.lastIndex;
  }
  if (current !== undefined) args.push(current);
  return args;
}

/**
 * What this extension carries: the runtime image (the platform .vsix: `server/gptoss-ls/`, the server
 * with its own Java), or the server jar (the universal .vsix), which needs a Java found on the machine.
 */
export type BundledServer =
  | { kind: 'image'; launcher: string; java: string }
  | { kind: 'jar'; jar: string };

export function bundledServer(extensionPath: string, platform: NodeJS.Platform, isFile: (file: string) => boolean): BundledServer | undefined {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const image = p.join(extensionPath, 'server', 'gptoss-ls');
  const launcher = p.join(image, 'bin', platform === 'win32' ? 'gptoss-ls.cmd' : 'gptoss-ls');
  if (isFile(launcher)) {
    return { kind: 'image', launcher, java: p.join(image, 'lib', 'runtime', 'bin', platform === 'win32' ? 'java.exe' : 'java') };
  }
  const jar = p.join(extensionPath, 'server', 'gptoss-ls.jar');
  return isFile(jar) ? { kind: 'jar', jar } : undefined;
}

/**
 * The image's launcher, with no arguments: its runtime has the server's JVM options built in.
 * Options the user set (`gptoss.java.vmargs`) are added through `JDK_JAVA_OPTIONS`, which the
 * runtime's `java` reads; the defaults are never passed again.
 */
export function imageLaunch(launcher: string, userVmargs: string | undefined, env: NodeJS.ProcessEnv): { command: string; env: NodeJS.ProcessEnv } {
  // as written: JDK_JAVA_OPTIONS keeps "quoted blanks" as java's command line does
  const extra = (userVmargs ?? '').trim();
  return { command: launcher, env: extra ? { ...env, JDK_JAVA_OPTIONS: extra } : env };
}

/** `java <vmargs> -jar <jar>`: the server speaks LSP over stdio (docs/protocol.md). */
export function serverArgs(vmargs: string | undefined, jarPath: string): string[] {
  const configured = vmargs === undefined || vmargs.trim() === '' ? DEFAULT_VMARGS : vmargs;
  return [...splitVmArgs(configured), '-jar', jarPath];
}

/** The last lines the server wrote to stderr, kept for the message after a crash. */
export class StderrTail {
  private readonly lines: string[] = [];

  constructor(private readonly capacity = 20) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) {
      this.lines.shift();
    }
  }

  last(count = this.capacity): string[] {
    return this.lines.slice(-count);
  }

  clear(): void {
    this.lines.length = 0;
  }
}

/** Allows `maxRestarts` restarts within `windowMs`; one crash more stops the server for good. */
export class CrashWindow {
  private readonly crashes: number[] = [];

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60_000,
  ) {}

  /** Records a crash at `now`; true when the server may be restarted once more. */
  mayRestartAfterCrash(now: number): boolean {
    this.crashes.push(now);
    while (this.crashes.length > 0 && this.crashes[0] <= now - this.windowMs) {
      this.crashes.shift();
    }
    return this.crashes.length <= this.maxRestarts;
  }

  get recentCrashes(): number {
    return this.crashes.length;
  }

  reset(): void {
    this.crashes.length = 0;
  }

  describe(): string {
    return `${this.maxRestarts + 1} crashes within ${Math.round(this.windowMs / 60_000)} minutes`;
  }
}
