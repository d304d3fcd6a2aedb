package dev.gptoss.ls.telemetry;

import java.util.List;
import java.util.Map;

/** What {@code gptoss/metrics} returns (docs/protocol.md). */
public record MetricsReport(String timeRange, Map<String, ComponentMetrics> components,
                            Map<String, ComponentMetrics> instances, Map<String, Object> caches) {

    /**
     * @param p50Ms null with no requests in the range
     * @param counters events other than requests: breaker opens, fallbacks
     */
    public record ComponentMetrics(long count, long errors, double errorRate, Double p50Ms, Double p95Ms, Double p99Ms,
                                   List<HistogramBin> histogram, List<SeriesPoint> series, Map<String, Long> counters) {
    }

    /** Requests that took at most {@code leMs} (and more than the previous bin's); null for the last, open bin. */
    public record HistogramBin(Long leMs, long count) {
    }

    /** Requests and errors in the period starting at {@code t} (epoch milliseconds). */
    public record SeriesPoint(long t, long count, long errors) {
    }
}
