import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { JavaProbe, locateJava, parseJavaMajor, trustedValue } from '../src/javaLocator';

/** A fake machine: `javas` maps a java executable to the `java -version` text it prints. */
function machine(options: { env?: Record<string, string>; javas?: Record<string, string>; files?: Record<string, string> }): JavaProbe & { ran: string[] } {
  const javas = options.javas ?? {};
  const files = options.files ?? {};
  const ran: string[] = [];
  return {
    ran,
    platform: 'linux',
    env: options.env ?? {},
    isFile: (file) => file in javas || file in files,
    readText: (file) => files[file],
    versionOutput: async (javaExe) => {
      ran.push(javaExe);
      return javas[javaExe];
    },
  };
}

const java17 = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment';
const java21 = 'openjdk version "21.0.2" 2024-01-16';
const java11 = 'openjdk version "11.0.22" 2024-01-16';
const java8 = 'java version "1.8.0_392"';

describe('parseJavaMajor', () => {
  it('reads the major version from java -version and from a release file', () => {
    assert.equal(parseJavaMajor(java17), 17);
    assert.equal(parseJavaMajor(java8), 8);
    assert.equal(parseJavaMajor('openjdk version "22" 2024-03-19'), 22);
    assert.equal(parseJavaMajor('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="21.0.3"\n'), 21);
    assert.equal(parseJavaMajor('JAVA_VERSION="1.8.0_402"'), 8);
    assert.equal(parseJavaMajor('no version here'), undefined);
  });
});

describe('locateJava', () => {
  it('prefers the gptoss.java.home setting over JAVA_HOME and PATH', async () => {
    const probe = machine({
      env: { JAVA_HOME: '/jdk21', PATH: '/usr/bin' },
      javas: { '/opt/jdk17/bin/java': java17, '/jdk21/bin/java': java21, '/usr/bin/java': java21 },
    });
    const found = await locateJava('/opt/jdk17', probe);
    assert.deepEqual(found, { ok: true, javaExe: '/opt/jdk17/bin/java', major: 17, source: 'gptoss.java.home' });
  });

  it('uses JAVA_HOME when no setting is given, before PATH', async () => {
    const probe = machine({ env: { JAVA_HOME: '/jdk21', PATH: '/usr/bin' }, javas: { '/jdk21/bin/java': java21, '/usr/bin/java': java17 } });
    const found = await locateJava(undefined, probe);
    assert.equal(found.ok && found.source, 'JAVA_HOME');
    assert.equal(found.ok && found.javaExe, '/jdk21/bin/java');
  });

  it('falls back to the first java on PATH', async () => {
    const probe = machine({ env: { PATH: '/nothing:/usr/local/bin:/usr/bin' }, javas: { '/usr/local/bin/java': java21, '/usr/bin/java': java17 } });
    const found = await locateJava('', probe);
    assert.deepEqual(found, { ok: true, javaExe: '/usr/local/bin/java', major: 21, source: 'PATH' });
  });

  it('reads the release file of a Java home without running java', async () => {
    const probe = machine({ env: { JAVA_HOME: '/jdk' }, files: { '/jdk/bin/java': '', '/jdk/release': 'JAVA_VERSION="17.0.9"\n' } });
    const found = await locateJava(undefined, probe);
    assert.equal(found.ok && found.major, 17);
    assert.deepEqual(probe.ran, []);
  });

  it('skips a Java that is too old and takes the next candidate', async () => {
    const probe = machine({ env: { JAVA_HOME: '/jdk11', PATH: '/usr/bin' }, javas: { '/jdk11/bin/java': java11, '/usr/bin/java': java17 } });
    const found = await locateJava(undefined, probe);
    assert.equal(found.ok && found.javaExe, '/usr/bin/java');
  });

  it('gives one message naming every rejected candidate and what to install', async () => {
    const probe = machine({ env: { JAVA_HOME: '/jdk8', PATH: '/usr/bin' }, javas: { '/jdk8/bin/java': java8, '/usr/bin/java': java11 } });
    const found = await locateJava('/missing', probe);
    assert.equal(found.ok, false);
    const message = !found.ok ? found.message : '';
    assert.match(message, /needs Java 17 or newer/);
    assert.match(message, /gptoss\.java\.home \(\/missing\) has no bin\/java/);
    assert.match(message, /JAVA_HOME \(\/jdk8\): Java 8 is too old/);
    assert.match(message, /PATH: Java 11 is too old/);
    assert.match(message, /Install a JDK or JRE 17\+/);
  });

  it('says so when there is no java at all', async () => {
    const found = await locateJava(undefined, machine({ env: { PATH: '/usr/bin' } }));
    assert.equal(found.ok, false);
    assert.match(!found.ok ? found.message : '', /no java on PATH/);
  });

  it('looks for java.exe with ; separated PATH on Windows', async () => {
    const probe = { ...machine({ env: { PATH: 'C:\\Windows;C:\\jdk\\bin' }, javas: { 'C:\\jdk\\bin\\java.exe': java17 } }), platform: 'win32' as const };
    const found = await locateJava(undefined, probe);
    assert.equal(found.ok && found.javaExe, 'C:\\jdk\\bin\\java.exe');
  });
});

describe('trustedValue', () => {
  const inspected = { globalValue: '/user/jdk', workspaceValue: '/repo/evil-jdk' };

  it('ignores the workspace value in an untrusted workspace', () => {
    assert.equal(trustedValue(inspected, false), '/user/jdk');
    assert.equal(trustedValue({ workspaceValue: '/repo/evil-jdk' }, false), undefined);
  });

  it('lets a trusted workspace override the user value, folder before workspace', () => {
    assert.equal(trustedValue(inspected, true), '/repo/evil-jdk');
    assert.equal(trustedValue({ ...inspected, workspaceFolderValue: '/folder/jdk' }, true), '/folder/jdk');
  });

  it('ends in the setting being absent when nothing is set', () => {
    assert.equal(trustedValue(undefined, true), undefined);
    assert.equal(trustedValue({}, false), undefined);
  });
});
