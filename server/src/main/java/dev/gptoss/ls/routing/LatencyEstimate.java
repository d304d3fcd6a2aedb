package dev.gptoss.ls.routing;

import java.util.function.LongSupplier;

/**
 * Recent latency of an instance as a peak-sensitive moving average (Finagle's "peak EWMA"): a slower
 * answer than the estimate takes over at once, faster ones pull it down gradually, and while nothing
 * is measured the estimate decays towards zero, so an instance that was slow is tried again later.
 */
public final class LatencyEstimate {
    private final LongSupplier clock;
    private final double decayNanos;
    private double costNanos;
    private long stamp;

    public LatencyEstimate(LongSupplier nanoClock, long decayNanos) {
        this.clock = nanoClock;
        this.decayNanos = decayNanos;
        this.stamp = nanoClock.getAsLong();
    }

    public synchronized void observe(long nanos) {
        long now = clock.getAsLong();
        double weight = Math.exp(-Math.max(0, now - stamp) / decayNanos);
        costNanos = nanos > costNanos ? nanos : costNanos * weight + nanos * (1 - weight);
        stamp = now;
    }

    /** The estimate now, in milliseconds; 0 for an instance never measured. */
    public synchronized double millis() {
        long idle = Math.max(0, clock.getAsLong() - stamp);
        return costNanos * Math.exp(-idle / decayNanos) / 1_000_000.0;
    }
}
