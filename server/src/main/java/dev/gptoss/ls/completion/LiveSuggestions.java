package dev.gptoss.ls.completion;

import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The live suggestion of each document, and whether a request or an edit continues it. */
final class LiveSuggestions {
    private final Map<String, LiveSuggestion> byUri = new ConcurrentHashMap<>();

    private final CacheStats stats;

    LiveSuggestions(CacheStats stats) {
        this.stats = stats;
    }

    /** Answers from the live suggestion when the request continues it; else empty. */
    Optional<CompletableFuture<Optional<Suggestion>>> continueAt(CompletionQuery query,
            Supplier<CompletableFuture<Optional<Suggestion>>> fresh) {
        String uri = query.document().uri();
        LiveSuggestion live = byUri.get(uri);
        if (live == null) {
            stats.miss(CacheStats.Layer.TYPING_THROUGH);
            return Optional.empty();
        }
        Optional<String> typed = live.typedSince(query.document(), query.offset());
        if (typed.isEmpty() || !live.mayContinueWith(typed.get())) {
            stats.miss(CacheStats.Layer.TYPING_THROUGH);
            drop(uri, live);
            return Optional.empty();
        }
        stats.hit(layerThatAnswers(live, typed.get()));
        return Optional.of(live.read(typed.get(), fresh));
    }

    private static CacheStats.Layer layerThatAnswers(LiveSuggestion live, String typed) {
        if (!typed.isEmpty()) {
            return CacheStats.Layer.TYPING_THROUGH;
        }
        if (live.prefetched()) {
            return CacheStats.Layer.PREFETCH;
        }
        return live.finished() ? CacheStats.Layer.EXACT : CacheStats.Layer.IN_FLIGHT;
    }

    void start(String uri, LiveSuggestion live) {
        LiveSuggestion previous = byUri.put(uri, live);
        if (previous != null && previous != live) {
            previous.cancel();
        }
    }

    /** An edit that is not typing along the live suggestion ends its model call at once. */
    void documentChanged(String uri, Optional<DocumentSnapshot> now) {
        LiveSuggestion live = byUri.get(uri);
        if (live == null) {
            return;
        }
        boolean continues = now.flatMap(live::insertedAtCursor).map(live::mayContinueWith).orElse(false);
        if (continues) {
            live.typedAlong();
        } else {
            drop(uri, live);
        }
    }

    private void drop(String uri, LiveSuggestion live) {
        byUri.remove(uri, live);
        live.cancel();
    }
}
