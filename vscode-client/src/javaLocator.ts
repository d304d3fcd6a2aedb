import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MIN_JAVA_MAJOR = 17;

/** What the locator may look at; injected so that tests need no real Java. */
export interface JavaProbe {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  isFile(file: string): boolean;
  /** Text of the file, or undefined when it cannot be read. */
  readText(file: string): string | undefined;
  /** Output of `java -version` (it prints to stderr), or undefined when it does not run. */
  versionOutput(javaExe: string): Promise<string | undefined>;
}

export type JavaSource = 'gptoss.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaFound {
  ok: true;
  javaExe: string;
  major: number;
  source: JavaSource;
}

export interface JavaMissing {
  ok: false;
  /** One message for the user: what was tried and what to install. */
  message: string;
}

/** The parts of `WorkspaceConfiguration.inspect()` that decide a machine-level setting. */
export interface InspectedSetting<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The value of a setting that names a program to run. A workspace may set it only when the
 * user trusts the workspace: a cloned repository must not choose which binary we start.
 */
export function trustedValue<T>(inspected: InspectedSetting<T> | undefined, workspaceTrusted: boolean): T | undefined {
  if (!inspected) {
    return undefined;
  }
  if (workspaceTrusted) {
    return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue;
  }
  return inspected.globalValue;
}

/** Major version from a `release` file or `java -version` output: "17.0.15" → 17, "1.8.0_392" → 8. */
export function parseJavaMajor(text: string): number | undefined {
  const match = /(?:JAVA_VERSION=|version\s+)"(\d+)(?:\.(\d+))?[^"]*"/.exec(text);
  if (!match) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

function javaExeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function findOnPath(probe: JavaProbe): string | undefined {
  const p = pathApi(probe.platform);
  const pathVar = probe.env.PATH ?? probe.env.Path ?? '';
  const separator = probe.platform === 'win32' ? ';' : ':';
  for (const dir of pathVar.split(separator)) {
    if (dir) {
      const candidate = p.join(dir, javaExeName(probe.platform));
      if (probe.isFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

async function majorOf(probe: JavaProbe, javaExe: string, home: string | undefined): Promise<number | undefined> {
  if (home) {
    const release = probe.readText(pathApi(probe.platform).join(home, 'release'));
    const fromRelease = release === undefined ? undefined : parseJavaMajor(release);
    if (fromRelease !== undefined) {
      return fromRelease;
    }
  }
  const output = await probe.versionOutput(javaExe);
  return output === undefined ? undefined : parseJavaMajor(output);
}

interface Candidate {
  source: JavaSource;
  home?: string;
}

/**
 * Finds Java 17+ in this order: the `gptoss.java.home` setting, `JAVA_HOME`, `java` on `PATH`.
 * A candidate that is missing or too old is skipped, and named in the message if none fits.
 */
export async function locateJava(configuredHome: string | undefined, probe: JavaProbe): Promise<JavaFound | JavaMissing> {
  const p = pathApi(probe.platform);
  const candidates: Candidate[] = [];
  if (configuredHome && configuredHome.trim()) {
    candidates.push({ source: 'gptoss.java.home', home: configuredHome.trim() });
  }
  if (probe.env.JAVA_HOME && probe.env.JAVA_HOME.trim()) {
    candidates.push({ source: 'JAVA_HOME', home: probe.env.JAVA_HOME.trim() });
  }
  candidates.push({ source: 'PATH' });

  const rejected: string[] = [];
  for (const candidate of candidates) {
    const javaExe = candidate.home ? p.join(candidate.home, 'bin', javaExeName(probe.platform)) : findOnPath(probe);
    const where = candidate.home ? `${candidate.source} (${candidate.home})` : 'PATH';
    if (!javaExe || !probe.isFile(javaExe)) {
      rejected.push(candidate.home ? `${where} has no bin/${javaExeName(probe.platform)}` : 'no java on PATH');
      continue;
    }
    const major = await majorOf(probe, javaExe, candidate.home);
    if (major === undefined) {
      rejected.push(`${where}: could not read the version of ${javaExe}`);
    } else if (major < MIN_JAVA_MAJOR) {
      rejected.push(`${where}: Java ${major} is too old`);
    } else {
      return { ok: true, javaExe, major, source: candidate.source };
    }
  }
  return {
    ok: false,
    message:
      `gpt-oss needs Java ${MIN_JAVA_MAJOR} or newer to run its language server, and found none (${rejected.join('; ')}). ` +
      `Install a JDK or JRE ${MIN_JAVA_MAJOR}+ (for example Eclipse Temurin 17, or \`apt install openjdk-17-jre-headless\`) ` +
      'and set "gptoss.java.home" to its folder, or put its bin folder on PATH.',
  };
}

/** The real file system and process environment. */
export function systemJavaProbe(): JavaProbe {
  return {
    platform: process.platform,
    env: process.env,
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    readText: (file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    versionOutput: (javaExe) =>
      new Promise((resolve) => {
        childProcess.execFile(javaExe, ['-version'], { timeout: 10_000 }, (error, stdout, stderr) => {
          resolve(error ? undefined : `${stderr}\n${stdout}`);
        });
      }),
  };
}
