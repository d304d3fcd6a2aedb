package dev.gptoss.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of durations, in milliseconds. */
record Percentiles(int count, double p50, double p95, double p99, double max) {
    static Percentiles ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    /** The same distribution moved by {@code ms} (a fixed backend time taken off every sample). */
    Percentiles minus(double ms) {
        return new Percentiles(count, p50 - ms, p95 - ms, p99 - ms, max - ms);
    }

    /** The middle value, or the mean of the two middle ones; NaN when there are none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
