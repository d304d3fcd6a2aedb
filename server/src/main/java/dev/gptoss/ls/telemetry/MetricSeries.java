package dev.gptoss.ls.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** One component's minute buckets, a ring of 24 hours. */
final class MetricSeries {
    /** Upper bounds of the latency histogram's bins, in milliseconds; one more bin holds the rest. */
    static final long[] BOUNDS_MS = {5, 10, 25, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10_000, 30_000};
    private static final int MINUTES = 24 * 60;

    private final Bucket[] ring = new Bucket[MINUTES];

    synchronized void record(long minute, long nanos, boolean error) {
        Bucket bucket = bucket(minute);
        bucket.count++;
        if (error) {
            bucket.errors++;
        }
        bucket.bins[bin(nanos / 1_000_000.0)]++;
        bucket.maxMs = Math.max(bucket.maxMs, nanos / 1_000_000.0);
    }

    synchronized void count(long minute, String counter) {
        bucket(minute).counters.merge(counter, 1L, Long::sum);
    }

    synchronized MetricsReport.ComponentMetrics summarize(long now, MetricsRecorder.TimeRange range) {
        long count = 0;
        long errors = 0;
        double maxMs = 0;
        long[] bins = new long[BOUNDS_MS.length + 1];
        var counters = new TreeMap<String, Long>();
        int points = range.minutes / range.minutesPerPoint;
        var series = new ArrayList<MetricsReport.SeriesPoint>(points);
        long firstMinute = now - range.minutes + 1;
        for (int p = 0; p < points; p++) {
            long pointStart = firstMinute + (long) p * range.minutesPerPoint;
            long pointCount = 0;
            long pointErrors = 0;
            for (long minute = pointStart; minute < pointStart + range.minutesPerPoint; minute++) {
                Bucket b = ring[Math.floorMod(minute, MINUTES)];
                if (b == null || b.minute != minute) {
                    continue;
                }
                pointCount += b.count;
                pointErrors += b.errors;
                maxMs = Math.max(maxMs, b.maxMs);
                for (int i = 0; i < bins.length; i++) {
                    bins[i] += b.bins[i];
                }
                b.counters.forEach((k, v) -> counters.merge(k, v, Long::sum));
            }
            count += pointCount;
            errors += pointErrors;
            series.add(new MetricsReport.SeriesPoint(pointStart * 60_000, pointCount, pointErrors));
        }
        var histogram = new ArrayList<MetricsReport.HistogramBin>(bins.length);
        for (int i = 0; i < bins.length; i++) {
            histogram.add(new MetricsReport.HistogramBin(i < BOUNDS_MS.length ? BOUNDS_MS[i] : null, bins[i]));
        }
        return new MetricsReport.ComponentMetrics(count, errors, count == 0 ? 0 : (double) errors / count,
                percentile(bins, count, 0.50, maxMs), percentile(bins, count, 0.95, maxMs),
                percentile(bins, count, 0.99, maxMs), histogram, series, counters);
    }

    /** Interpolated within the bin the percentile falls in; the last bin ends at the largest value seen. */
    static Double percentile(long[] bins, long count, double p, double maxMs) {
        if (count == 0) {
            return null;
        }
        double rank = p * count;
        long below = 0;
        for (int i = 0; i < bins.length; i++) {
            if (bins[i] > 0 && below + bins[i] >= rank) {
                double low = i == 0 ? 0 : BOUNDS_MS[i - 1];
                double high = i < BOUNDS_MS.length ? Math.min(BOUNDS_MS[i], Math.max(maxMs, low)) : Math.max(maxMs, low);
                double within = (rank - below) / bins[i];
                return low + (high - low) * Math.max(0, Math.min(1, within));
            }
            below += bins[i];
        }
        return maxMs;
    }

    private Bucket bucket(long minute) {
        int slot = Math.floorMod(minute, MINUTES);
        Bucket b = ring[slot];
        if (b == null || b.minute != minute) {
            b = new Bucket(minute);
            ring[slot] = b;
        }
        return b;
    }

    private static int bin(double ms) {
        for (int i = 0; i < BOUNDS_MS.length; i++) {
            if (ms <= BOUNDS_MS[i]) {
                return i;
            }
        }
        return BOUNDS_MS.length;
    }

    private static final class Bucket {
        final long minute;
        final long[] bins = new long[BOUNDS_MS.length + 1];
        final Map<String, Long> counters = new HashMap<>(4);
        long count;
        long errors;
        double maxMs;

        Bucket(long minute) {
            this.minute = minute;
        }
    }
}
