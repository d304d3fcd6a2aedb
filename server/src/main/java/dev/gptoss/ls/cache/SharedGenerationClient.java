package dev.gptoss.ls.cache;

import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.EndpointConfig;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model client that makes a call only when it must: a request answered before comes from the
 * {@link GenerationCache}; a request identical to one still streaming joins that stream. The
 * shared call is cancelled only when every requester has cancelled or had enough.
 */
public final class SharedGenerationClient implements ModelClient {
    private final ModelClient delegate;
    private final GenerationCache cache;
    private final CacheStats stats;
    private final Map<GenerationRequest, SharedCall> inFlight = new ConcurrentHashMap<>();

    public SharedGenerationClient(ModelClient delegate, GenerationCache cache, CacheStats stats) {
        this.delegate = delegate;
        this.cache = cache;
        this.stats = stats;
    }

    @Override
    public EndpointConfig endpoint() {
        return delegate.endpoint();
    }

    @Override
    public CompletableFuture<Generation> generate(GenerationRequest request, TextSink sink) {
        var cached = cache.get(request);
        if (cached.isPresent()) {
            stats.hit(CacheStats.Layer.EXACT);
            sink.accept(cached.get().text());
            return CompletableFuture.completedFuture(cached.get());
        }
        stats.miss(CacheStats.Layer.EXACT);
        while (true) {
            var fresh = new SharedCall();
            SharedCall running = inFlight.putIfAbsent(request, fresh);
            SharedCall call = running == null ? fresh : running;
            var joined = call.join(sink);
            if (running == null) {
                stats.miss(CacheStats.Layer.IN_FLIGHT);
                start(request, fresh);
            }
            if (joined.isPresent()) {
                if (running != null) {
                    stats.hit(CacheStats.Layer.IN_FLIGHT);
                }
                return joined.get();
            }
            inFlight.remove(request, call);
        }
    }

    private void start(GenerationRequest request, SharedCall call) {
        call.done().whenComplete((generation, error) -> {
            inFlight.remove(request, call);
            if (generation != null && !call.cancelled()) {
                cache.put(request, generation);
            }
        });
        call.start(sink -> delegate.generate(request, sink));
    }
}
