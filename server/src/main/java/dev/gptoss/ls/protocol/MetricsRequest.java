package dev.gptoss.ls.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import dev.gptoss.ls.telemetry.MetricsReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code gptoss/metrics}: counts, error rates and latencies per component, caches and thread pools (docs/protocol.md). */
final class MetricsRequest {
    private final MetricsRecorder metrics;
    private final Supplier<Map<String, Object>> caches;
    private final Supplier<Map<String, Object>> threads;
    private final Supplier<ObjectMapper> json;

    MetricsRequest(MetricsRecorder metrics, Supplier<Map<String, Object>> caches, Supplier<Map<String, Object>> threads,
                   Supplier<ObjectMapper> json) {
        this.metrics = metrics;
        this.caches = caches;
        this.threads = threads;
        this.json = json;
    }

    /** @throws IllegalArgumentException for a time range other than {@code 1h} or {@code 24h} */
    JsonElement answer(String timeRange) {
        var report = metrics.report(MetricsRecorder.TimeRange.parse(timeRange));
        var withCaches = new MetricsReport(report.timeRange(), report.components(), report.instances(), caches.get());
        JsonElement tree = JsonShapes.toGson(json.get(), withCaches);
        tree.getAsJsonObject().add("threads", JsonShapes.toGson(json.get(), new LinkedHashMap<>(threads.get())));
        return tree;
    }
}
