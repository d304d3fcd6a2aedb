package dev.gptoss.ls.concurrent;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work an editor is waiting for (a completion being prepared), counted so that background work
 * steps aside while it runs. Thread priorities cannot do this: the JVM ignores them on Linux, and
 * on a two-core laptop the workspace index would take a core and fill the heap just when a
 * completion needs both.
 */
public final class ForegroundWork {
    private final AtomicInteger running = new AtomicInteger();
    private final Object idle = new Object();

    public void begin() {
        running.incrementAndGet();
    }

    public void end() {
        if (running.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Waits until no foreground work runs, at most {@code maxMillis}; returns at once when none does. */
    public void awaitIdle(long maxMillis) throws InterruptedException {
        if (running.get() == 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        synchronized (idle) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
    }
}
