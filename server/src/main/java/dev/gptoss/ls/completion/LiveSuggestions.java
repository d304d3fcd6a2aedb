package dev.gptoss.ls.completion;

import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The live suggestion of each document, and whether a request or an edit continues it. A call
 * that fits what was typed answers; one that differs is cut; one that cannot tell yet (it has
 * streamed less than was typed) is never waited for: a new call starts, and the old one is cut at
 * once when it holds the model server's last free slot, or else runs on beside the new one.
 */
final class LiveSuggestions {
    /** Calls kept running beside the live one, per document, at most. */
    private static final int MAX_BESIDE = 2;

    private final Map<String, LiveSuggestion> byUri = new ConcurrentHashMap<>();
    private final Map<String, List<LiveSuggestion>> besideByUri = new ConcurrentHashMap<>();
    private final CacheStats stats;
    private final BooleanSupplier idleSlot;

    /** @param idleSlot whether the model server has a slot free besides the calls running now */
    LiveSuggestions(CacheStats stats, BooleanSupplier idleSlot) {
        this.stats = stats;
        this.idleSlot = idleSlot;
    }

    /** Answers from the live suggestion (or one kept beside it) when it fits the request; else empty. */
    Optional<CompletableFuture<Optional<Suggestion>>> continueAt(CompletionQuery query,
            Supplier<CompletableFuture<Optional<Suggestion>>> fresh) {
        String uri = query.document().uri();
        Optional<CompletableFuture<Optional<Suggestion>>> fromBeside = fromBeside(query, fresh);
        if (fromBeside.isPresent()) {
            return fromBeside;
        }
        LiveSuggestion live = byUri.get(uri);
        if (live == null) {
            stats.miss(CacheStats.Layer.TYPING_THROUGH);
            return Optional.empty();
        }
        Optional<String> typed = live.typedSince(query.document(), query.offset());
        StreamFit fit = typed.map(live::fit).orElse(StreamFit.DIFFERS);
        if (fit != StreamFit.FITS) {
            stats.miss(CacheStats.Layer.TYPING_THROUGH);
            if (fit == StreamFit.CANNOT_TELL && idleSlot.getAsBoolean()) {
                setBeside(uri, live);
            } else {
                drop(uri, live);
            }
            return Optional.empty();
        }
        stats.hit(layerThatAnswers(live, typed.get()));
        return Optional.of(live.read(typed.get(), fresh));
    }

    /** A call kept beside the live one that fits by now answers, and the live one (newer, further behind) ends. */
    private Optional<CompletableFuture<Optional<Suggestion>>> fromBeside(CompletionQuery query,
            Supplier<CompletableFuture<Optional<Suggestion>>> fresh) {
        String uri = query.document().uri();
        for (LiveSuggestion kept : besideByUri.getOrDefault(uri, List.of())) {
            Optional<String> typed = kept.typedSince(query.document(), query.offset());
            if (typed.isPresent() && kept.fit(typed.get()) == StreamFit.FITS) {
                besideByUri.get(uri).remove(kept);
                LiveSuggestion live = byUri.put(uri, kept);
                if (live != null && live != kept) {
                    live.cancel();
                }
                stats.hit(CacheStats.Layer.TYPING_THROUGH);
                return Optional.of(kept.read(typed.get(), fresh));
            }
        }
        return Optional.empty();
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
        if (previous != null && previous != live && !previous.beside()) {
            previous.cancel();
        }
    }

    /**
     * An edit: each call it continues is told what was typed (and will be cut at the first
     * character it streams that differs); any other call ends at once, and so does one that
     * cannot tell yet while it holds the last free slot, so that the request after the edit does
     * not queue behind it.
     */
    void documentChanged(String uri, Optional<DocumentSnapshot> now) {
        LiveSuggestion live = byUri.get(uri);
        if (live != null && !continuedBy(live, now)) {
            drop(uri, live);
        }
        List<LiveSuggestion> kept = besideByUri.get(uri);
        if (kept != null) {
            for (LiveSuggestion call : kept) {
                if (!continuedBy(call, now)) {
                    kept.remove(call);
                    call.cancel();
                }
            }
        }
    }

    private boolean continuedBy(LiveSuggestion call, Optional<DocumentSnapshot> now) {
        Optional<String> inserted = now.flatMap(call::insertedAtCursor);
        if (inserted.isEmpty() || !call.fit(inserted.get()).keep(idleSlot.getAsBoolean())) {
            return false;
        }
        call.typedAlong(inserted.get());
        return true;
    }

    private void setBeside(String uri, LiveSuggestion live) {
        List<LiveSuggestion> kept = besideByUri.computeIfAbsent(uri, u -> new CopyOnWriteArrayList<>());
        live.setBeside();
        kept.add(live);
        while (kept.size() > MAX_BESIDE) {
            kept.remove(0).cancel();
        }
    }

    private void drop(String uri, LiveSuggestion live) {
        byUri.remove(uri, live);
        live.cancel();
    }
}
