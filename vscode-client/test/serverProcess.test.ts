import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CrashWindow, DEFAULT_VMARGS, serverArgs, splitVmArgs, StderrTail } from '../src/serverProcess';

describe('serverArgs', () => {
  it('starts the jar with the default JVM options when none are set', () => {
    assert.deepEqual(serverArgs(undefined, '/ext/server/gptoss-ls.jar'), [
      '-XX:+UseSerialGC', '-Xss512k', '-XX:TieredStopAtLevel=1', '-XX:CompileThresholdScaling=0.1', '-Xms96m', '-Xmx256m', '-jar', '/ext/server/gptoss-ls.jar',
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
