import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { bundledServer, CrashWindow, DEFAULT_VMARGS, imageLaunch, serverArgs, splitVmArgs, StderrTail } from '../src/serverProcess';

describe('bundledServer', () => {
  const files = (...present: string[]) => (file: string) => present.includes(file);

  it('prefers the runtime image of a platform .vsix, which needs no Java', () => {
    assert.deepEqual(bundledServer('/ext', 'linux', files('/ext/server/gptoss-ls/bin/gptoss-ls', '/ext/server/gptoss-ls.jar')), {
      kind: 'image', launcher: '/ext/server/gptoss-ls/bin/gptoss-ls', java: '/ext/server/gptoss-ls/lib/runtime/bin/java',
    });
    assert.deepEqual(bundledServer('C:\\ext', 'win32', files('C:\\ext\\server\\gptoss-ls\\bin\\gptoss-ls.cmd')), {
      kind: 'image', launcher: 'C:\\ext\\server\\gptoss-ls\\bin\\gptoss-ls.cmd', java: 'C:\\ext\\server\\gptoss-ls\\lib\\runtime\\bin\\java.exe',
    });
  });

  it('runs the jar of the universal .vsix, and says when there is neither', () => {
    assert.deepEqual(bundledServer('/ext', 'linux', files('/ext/server/gptoss-ls.jar')), { kind: 'jar', jar: '/ext/server/gptoss-ls.jar' });
    assert.equal(bundledServer('/ext', 'linux', files()), undefined);
  });
});

describe('imageLaunch', () => {
  it('starts the launcher as it is: the runtime has the JVM options built in', () => {
    const env = { PATH: '/usr/bin' };
    assert.deepEqual(imageLaunch('/ext/server/gptoss-ls/bin/gptoss-ls', undefined, env), { command: '/ext/server/gptoss-ls/bin/gptoss-ls', env });
    assert.equal(imageLaunch('l', '  ', env).env, env);
  });

  it('adds the options a user set through JDK_JAVA_OPTIONS', () => {
    assert.deepEqual(imageLaunch('l', ' -Xmx512m  "-Dx=a b" ', { PATH: '/usr/bin' }).env, { PATH: '/usr/bin', JDK_JAVA_OPTIONS: '-Xmx512m  "-Dx=a b"' });
  });
});

describe('serverArgs', () => {
  it('starts the jar with the default JVM options when none are set', () => {
    assert.deepEqual(serverArgs(undefined, '/ext/server/gptoss-ls.jar'), [
      '-XX:+UseSerialGC', '-Xss512k', '-XX:TieredStopAtLevel=1', '-Xms32m', '-Xmx256m', '-jar', '/ext/server/gptoss-ls.jar',
    ]);
    assert.deepEqual(serverArgs('  ', 'x.jar'), [...splitVmArgs(DEFAULT_VMARGS), '-jar', 'x.jar']);
  });

  it('uses the configured options instead of the defaults', () => {
    assert.deepEqual(serverArgs('-Xmx1g -Dlog.level=debug', 'x.jar'), ['-Xmx1g', '-Dlog.level=debug', '-jar', 'x.jar']);
  });
});

describe('splitVmArgs', () => {
  it('keeps quoted blanks inside one option', () => {
    assert.deepEqual(splitVmArgs('-Dlog.file="/tmp/my logs/ls.log"  -Xmx1g'), ['-Dlog.file=/tmp/my logs/ls.log', '-Xmx1g']);
    assert.deepEqual(splitVmArgs("'-Da=b c'"), ['-Da=b c']);
    assert.deepEqual(splitVmArgs(''), []);
  });
});

describe('StderrTail', () => {
  it('keeps only the newest lines', () => {
    const tail = new StderrTail(3);
    ['a', 'b', 'c', 'd', 'e'].forEach((l) => tail.push(l));
    assert.deepEqual(tail.last(), ['c', 'd', 'e']);
    assert.deepEqual(tail.last(2), ['d', 'e']);
    tail.clear();
    assert.deepEqual(tail.last(), []);
  });
});

describe('CrashWindow', () => {
  it('restarts four times within three minutes, then gives up', () => {
    const window = new CrashWindow(4, 180_000);
    const verdicts = [0, 10_000, 20_000, 30_000, 40_000].map((t) => window.mayRestartAfterCrash(t));
    assert.deepEqual(verdicts, [true, true, true, true, false]);
    assert.equal(window.describe(), '5 crashes within 3 minutes');
  });

  it('forgets crashes older than the window', () => {
    const window = new CrashWindow(4, 180_000);
    [0, 1, 2, 3].forEach((t) => window.mayRestartAfterCrash(t));
    assert.equal(window.mayRestartAfterCrash(200_000), true);
    assert.equal(window.recentCrashes, 1);
  });
});
