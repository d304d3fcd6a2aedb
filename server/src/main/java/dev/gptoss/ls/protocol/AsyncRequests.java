package dev.gptoss.ls.protocol;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a request's work on the server's executor, never on LSP4J's reader thread, and keeps
 * {@code $/cancelRequest} working: cancelling the future LSP4J holds cancels the work's own future.
 */
final class AsyncRequests {
    private AsyncRequests() {
    }

    static <T> CompletableFuture<T> run(Executor executor, Supplier<CompletableFuture<T>> work) {
        var answer = new CompletableFuture<T>();
        try {
            executor.execute(() -> {
                if (answer.isDone()) {
                    return;
                }
                try {
                    CompletableFuture<T> inner = work.get();
                    answer.whenComplete((r, e) -> inner.cancel(true));
                    inner.whenComplete((r, e) -> {
                        if (e != null) {
                            answer.completeExceptionally(e);
                        } else {
                            answer.complete(r);
                        }
                    });
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(e);
        }
        return answer;
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

    /** {@link #map}, with any failure of {@code source} (a cancellation too) answered by {@code fallback}. */
    static <T, R> CompletableFuture<R> mapOrElse(CompletableFuture<T> source, Function<T, R> mapping,
                                                 Function<Throwable, R> fallback) {
        CompletableFuture<R> mapped = source.handle((r, e) -> e == null ? mapping.apply(r) : fallback.apply(e));
        mapped.whenComplete((r, e) -> {
            if (mapped.isCancelled()) {
                source.cancel(true);
            }
        });
        return mapped;
    }
}
