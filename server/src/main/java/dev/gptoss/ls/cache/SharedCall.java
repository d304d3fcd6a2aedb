package dev.gptoss.ls.cache;

import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.TextSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One model call with any number of requesters. Each gets the text streamed so far when it joins,
 * then every delta; each may stop reading or cancel alone. When the last one leaves, the call is
 * cancelled, which aborts its HTTP exchange.
 */
final class SharedCall {
    private final List<Requester> requesters = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<Generation> done = new CompletableFuture<>();
    private CompletableFuture<Generation> upstream;
    private boolean closed;
    private boolean cancelled;

    private record Requester(TextSink sink, CompletableFuture<Generation> result) {
    }

    synchronized void start(Function<TextSink, CompletableFuture<Generation>> call) {
        if (closed) {
            done.cancel(false);
            return;
        }
        upstream = call.apply(this::onDelta);
        upstream.whenComplete(this::onDone);
    }

    CompletableFuture<Generation> done() {
        return done;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** A new requester, or empty when the call has already ended for everyone. */
    synchronized Optional<CompletableFuture<Generation>> join(TextSink sink) {
        if (closed) {
            return Optional.empty();
        }
        var result = new CompletableFuture<Generation>();
        if (text.length() > 0 && !sink.accept(text.toString())) {
            result.complete(new Generation(text.toString(), "enough", true, 0));
            return Optional.of(result);
        }
        var requester = new Requester(sink, result);
        requesters.add(requester);
        result.whenComplete((g, e) -> {
            if (result.isCancelled()) {
                leave(requester);
            }
        });
        return Optional.of(result);
    }

    private synchronized boolean onDelta(String delta) {
        text.append(delta);
        for (Requester requester : List.copyOf(requesters)) {
            if (!requester.sink().accept(delta)) {
                requesters.remove(requester);
                requester.result().complete(new Generation(text.toString(), "enough", true, 0));
            }
        }
        if (requesters.isEmpty()) {
            closed = true;
            return false;
        }
        return true;
    }

    private void leave(Requester requester) {
        CompletableFuture<Generation> toCancel = null;
        synchronized (this) {
            requesters.remove(requester);
            if (requesters.isEmpty() && !closed) {
                closed = true;
                cancelled = true;
                toCancel = upstream;
            }
        }
        if (toCancel != null) {
            toCancel.cancel(true);
        }
    }

    private void onDone(Generation generation, Throwable error) {
        List<Requester> waiting;
        synchronized (this) {
            closed = true;
            waiting = List.copyOf(requesters);
            requesters.clear();
        }
        // The call's own end comes first, so the answer is cached before any requester can judge it
        // (and, if it is unusable, drop it from the cache again).
        if (error != null) {
            done.completeExceptionally(error);
        } else {
            done.complete(generation);
        }
        for (Requester requester : waiting) {
            if (error != null) {
                requester.result().completeExceptionally(error);
            } else {
                requester.result().complete(generation);
            }
        }
    }
}
