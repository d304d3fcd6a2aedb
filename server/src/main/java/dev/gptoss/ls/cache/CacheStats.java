package dev.gptoss.ls.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Hits and misses per cache layer, for {@code gptoss/metrics}. */
public final class CacheStats {
    /** The layers that can answer without a new model call. */
    public enum Layer { EXACT, TYPING_THROUGH, IN_FLIGHT, PREFETCH, SEMANTIC }

    private final Map<Layer, LongAdder> hits = new LinkedHashMap<>();
    private final Map<Layer, LongAdder> misses = new LinkedHashMap<>();
    private final LongAdder accepted = new LongAdder();

    public CacheStats() {
        for (Layer layer : Layer.values()) {
            hits.put(layer, new LongAdder());
            misses.put(layer, new LongAdder());
        }
    }

    public void hit(Layer layer) {
        hits.get(layer).increment();
    }

    public void miss(Layer layer) {
        misses.get(layer).increment();
    }

    public void accepted() {
        accepted.increment();
    }

    public long hits(Layer layer) {
        return hits.get(layer).sum();
    }

    public long misses(Layer layer) {
        return misses.get(layer).sum();
    }

    public long acceptedSuggestions() {
        return accepted.sum();
    }

    /** Per layer: hits, misses and hit rate (null before any lookup). */
    public Map<String, Map<String, Object>> byLayer() {
        var result = new LinkedHashMap<String, Map<String, Object>>();
        for (Layer layer : Layer.values()) {
            long h = hits(layer);
            long m = misses(layer);
            var row = new LinkedHashMap<String, Object>();
            row.put("hits", h);
            row.put("misses", m);
            row.put("hitRate", h + m == 0 ? null : (double) h / (h + m));
            result.put(layer.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), row);
        }
        return result;
    }
}
