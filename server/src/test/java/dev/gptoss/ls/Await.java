package dev.gptoss.ls;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition the test can observe, instead of sleeping for a time that is only usually enough. */
public final class Await {
    private static final long CHECK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails the test, naming {@code what}, after {@code max}. */
    public static void until(String what, BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + max + " for: " + what);
            }
            LockSupport.parkNanos(CHECK_EVERY_NANOS);
        }
    }
}
