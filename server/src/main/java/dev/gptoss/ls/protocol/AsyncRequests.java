package dev.gptoss.ls.protocol;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Derived request futures that keep {@code $/cancelRequest} working: cancelling the future LSP4J
 * holds cancels the work it was derived from.
 */
final class AsyncRequests {
    private AsyncRequests() {
    }

    /** Like {@code thenApply}, except that cancelling the result also cancels {@code source}. */
    static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<T, R> mapping) {
        CompletableFuture<R> mapped = source.thenApply(mapping);
        mapped.whenComplete((r, e) -> {
            if (mapped.isCancelled()) {
                source.cancel(true);
            }
        });
        return mapped;
    }

    /**
     * {@link #map}, with any failure of {@code source} (a cancellation too) answered by {@code fallback},
     * which is given the failure itself, not the {@link CompletionException} a dependent stage wraps it in.
     */
    static <T, R> CompletableFuture<R> mapOrElse(CompletableFuture<T> source, Function<T, R> mapping,
                                                 Function<Throwable, R> fallback) {
        CompletableFuture<R> mapped = source.handle((r, e) -> e == null ? mapping.apply(r)
                : fallback.apply(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
        mapped.whenComplete((r, e) -> {
            if (mapped.isCancelled()) {
                source.cancel(true);
            }
        });
        return mapped;
    }
}
