package dev.gptoss.ls.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.concurrent.Lazy;
import java.time.Duration;
import java.util.Optional;

/**
 * Finished generations by their exact request: model, prompt mode, rendered prompt and sampling
 * parameters. Bounded by the bytes it holds and by age. Only usable answers go in: never an error,
 * an empty text or a cancelled call.
 */
public final class GenerationCache {
    private final Lazy<Cache<GenerationRequest, Generation>> cache;

    public GenerationCache(long maxBytes, Duration expiry) {
        cache = Lazy.of(() -> Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((GenerationRequest request, Generation generation) -> weight(request, generation))
                .expireAfterWrite(expiry)
                .recordStats()
                .<GenerationRequest, Generation>build());
    }

    public static GenerationCache standard() {
        return new GenerationCache(32L << 20, Duration.ofMinutes(10));
    }

    public Optional<Generation> get(GenerationRequest request) {
        return Optional.ofNullable(cache.get().getIfPresent(request));
    }

    public void put(GenerationRequest request, Generation generation) {
        if (!generation.text().isBlank()) {
            cache.get().put(request, generation);
        }
    }

    /** Drops an answer its requester found unusable, so the same request is asked again. */
    public void forget(GenerationRequest request) {
        cache.get().invalidate(request);
    }

    public long bytesHeld() {
        return cache.get().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    public long evictions() {
        return cache.get().stats().evictionCount();
    }

    private static int weight(GenerationRequest request, Generation generation) {
        long chars = generation.text().length() + request.model().length();
        if (request.rawPrompt() != null) {
            chars += request.rawPrompt().length();
        }
        for (ChatMessage message : request.messages()) {
            chars += message.content().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, 2 * chars + 64);
    }
}
