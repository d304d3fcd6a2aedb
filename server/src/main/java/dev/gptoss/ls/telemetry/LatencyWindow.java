package dev.gptoss.ls.telemetry;

import java.util.Arrays;

/**
 * The most recent latencies of something, for percentiles a person can act on. The sorted copy is
 * kept until the next sample, so the router can read percentiles on every request cheaply.
 */
public final class LatencyWindow {
    private final long[] samplesNanos;
    private int next;
    private int size;
    private long[] sorted;

    public LatencyWindow(int capacity) {
        samplesNanos = new long[capacity];
    }

    public synchronized void record(long nanos) {
        samplesNanos[next] = nanos;
        next = (next + 1) % samplesNanos.length;
        size = Math.min(size + 1, samplesNanos.length);
        sorted = null;
    }

    /** The percentile in milliseconds, or null with no samples yet. */
    public synchronized Double percentileMs(double percentile) {
        if (size == 0) {
            return null;
        }
        if (sorted == null) {
            sorted = Arrays.copyOf(samplesNanos, size);
            Arrays.sort(sorted);
        }
        int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000_000.0;
    }
}
