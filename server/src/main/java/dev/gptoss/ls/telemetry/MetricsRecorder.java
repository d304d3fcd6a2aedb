package dev.gptoss.ls.telemetry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Request counts, errors, latency histograms and event counters per component (completion, code
 * actions, routing) and per model instance, in one-minute buckets kept for 24 hours, so the last hour
 * and the last day are both cheap to report. Created once at start-up and passed to whoever records;
 * tests give it their own clock.
 */
public final class MetricsRecorder {
    public static final String COMPLETION = "completion";
    public static final String CODE_ACTIONS = "codeActions";
    public static final String ROUTING = "routing";

    private final LongSupplier clockMillis;
    private final Map<String, MetricSeries> components = new ConcurrentHashMap<>();
    private final Map<String, MetricSeries> instances = new ConcurrentHashMap<>();

    public MetricsRecorder(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        for (String name : new String[] {COMPLETION, CODE_ACTIONS, ROUTING}) {
            components.put(name, new MetricSeries());
        }
    }

    public static MetricsRecorder systemClock() {
        return new MetricsRecorder(System::currentTimeMillis);
    }

    /** One request of a component ended after {@code nanos}, with an error or not. */
    public void record(String component, long nanos, boolean error) {
        series(components, component).record(minuteNow(), nanos, error);
    }

    public void count(String component, String counter) {
        series(components, component).count(minuteNow(), counter);
    }

    public void recordInstance(String instance, long nanos, boolean error) {
        series(instances, instance).record(minuteNow(), nanos, error);
    }

    public void countInstance(String instance, String counter) {
        series(instances, instance).count(minuteNow(), counter);
    }

    /** Everything recorded over the last {@code range}: one hour or 24 hours. */
    public MetricsReport report(TimeRange range) {
        long now = minuteNow();
        return new MetricsReport(range.id(), summarize(components, range, now), summarize(instances, range, now),
                Map.of());
    }

    private static Map<String, MetricsReport.ComponentMetrics> summarize(Map<String, MetricSeries> all, TimeRange range,
                                                                      long now) {
        var out = new LinkedHashMap<String, MetricsReport.ComponentMetrics>();
        new TreeMap<>(all).forEach((name, series) -> out.put(name, series.summarize(now, range)));
        return out;
    }

    private static MetricSeries series(Map<String, MetricSeries> all, String name) {
        return all.computeIfAbsent(name, n -> new MetricSeries());
    }

    private long minuteNow() {
        return clockMillis.getAsLong() / Duration.ofMinutes(1).toMillis();
    }

    /** The windows a report may cover, with the width of each point of its time series. */
    public enum TimeRange {
        LAST_HOUR("1h", 60, 1), LAST_DAY("24h", 24 * 60, 15);

        private final String id;
        final int minutes;
        final int minutesPerPoint;

        TimeRange(String id, int minutes, int minutesPerPoint) {
            this.id = id;
            this.minutes = minutes;
            this.minutesPerPoint = minutesPerPoint;
        }

        public String id() {
            return id;
        }

        /** "1h" or "24h"; null means the last hour. */
        public static TimeRange parse(String id) {
            if (id == null || id.equals("1h")) {
                return LAST_HOUR;
            }
            if (id.equals("24h")) {
                return LAST_DAY;
            }
            throw new IllegalArgumentException("timeRange must be \"1h\" or \"24h\", got \"" + id + "\"");
        }
    }
}
