/** How the server process is started, and what the client remembers about its crashes. */

export const DEFAULT_VMARGS = '-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1 -Xms96m -Xmx256m';

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
