package dev.gptoss.ls.completion;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A suggestion for one document, finished or still streaming. While the user types exactly what
 * it suggests, every request is answered from it: the rest of the suggestion, at once or as soon as
 * the stream ends. Editors cancel each request as the next key arrives, so the model call is not
 * tied to any one request: it ends when the user types something else (at the first character
 * that differs from what it has streamed), when a newer suggestion replaces it, or when its last
 * reader leaves (shortly after, if the user typed along).
 */
final class LiveSuggestion {
    private static final long ABANDONED_GRACE_MS = 300;

    private final DocumentSnapshot document;
    private final int offset;
    private final CompletableFuture<Optional<Suggestion>> result;
    private final Supplier<String> streamedSoFar;
    private final boolean prefetched;
    private final Executor cancelling;
    private final Executor afterGracePeriod;
    private int readers;
    /** Readers that ever came; a grace period ends nothing if one came during it. */
    private int reads;
    /** The user typed along the suggestion since its last reader came: the next request will attach. */
    private boolean typedAlong;
    /** What the user has typed at the suggestion's place since it was asked. */
    private volatile String typed = "";
    /** Kept running beside a newer call, in case it turns out to fit (the model server had a free slot). */
    private volatile boolean beside;

    /**
     * @param cancelling runs the abort of an ended call, which closes its HTTP connection
     * @param afterGracePeriod runs a task once a call left by its last reader has had its grace
     *     period: {@link #gracePeriodOn} in the server
     */
    LiveSuggestion(DocumentSnapshot document, int offset, CompletableFuture<Optional<Suggestion>> result,
                   Supplier<String> streamedSoFar, boolean prefetched, Executor cancelling,
                   Executor afterGracePeriod) {
        this.document = document;
        this.offset = offset;
        this.result = result;
        this.streamedSoFar = streamedSoFar;
        this.prefetched = prefetched;
        this.cancelling = cancelling;
        this.afterGracePeriod = afterGracePeriod;
    }

    /** Runs tasks on {@code executor} once the grace period of a call left while typing along is over. */
    static Executor gracePeriodOn(Executor executor) {
        return CompletableFuture.delayedExecutor(ABANDONED_GRACE_MS, TimeUnit.MILLISECONDS, executor);
    }

    boolean prefetched() {
        return prefetched;
    }

    boolean finished() {
        return result.isDone();
    }

    /**
     * What was typed at the suggestion's place since, if {@code now} is this document with only
     * that inserted there and the cursor right after it.
     */
    Optional<String> typedSince(DocumentSnapshot now, int cursor) {
        Optional<String> typed = insertedAtCursor(now);
        return typed.filter(t -> cursor == offset + t.length());
    }

    /** The text inserted at the suggestion's place, if that is all that changed. */
    Optional<String> insertedAtCursor(DocumentSnapshot now) {
        int added = now.length() - document.length();
        if (!document.uri().equals(now.uri()) || added < 0
                || !now.regionMatches(0, document, 0, offset)
                || !now.regionMatches(offset + added, document, offset, document.length() - offset)) {
            return Optional.empty();
        }
        return Optional.of(now.slice(offset, offset + added));
    }

    /**
     * Whether the suggestion fits {@code typedNow}: judged on the stream until it ends. A call
     * that failed or found nothing never fits: asking again may do better.
     */
    StreamFit fit(String typedNow) {
        if (result.isDone()) {
            return !result.isCompletedExceptionally() && remainder(result.getNow(Optional.empty()), typedNow).isPresent()
                    ? StreamFit.FITS : StreamFit.DIFFERS;
        }
        return StreamFit.of(ChatWrapping.strip(streamedSoFar.get()), typedNow);
    }

    /** Whether the text streamed so far already differs from what the user typed: the call can end now. */
    boolean differsFrom(String streamedNow) {
        return StreamFit.of(ChatWrapping.strip(streamedNow), typed) == StreamFit.DIFFERS;
    }

    boolean beside() {
        return beside;
    }

    /** A newer call takes over; this one runs on beside it in case it fits after all. */
    void setBeside() {
        beside = true;
    }

    /**
     * A reader's view: the rest of the suggestion after {@code typed}; when it turns out not to
     * start with that, {@code fresh} asks anew.
     */
    CompletableFuture<Optional<Suggestion>> read(String typed, Supplier<CompletableFuture<Optional<Suggestion>>> fresh) {
        synchronized (this) {
            readers++;
            reads++;
            typedAlong = false;
        }
        CompletableFuture<Optional<Suggestion>> view = result.thenCompose(found -> {
            Optional<Suggestion> rest = remainder(found, typed);
            return rest.isPresent() || typed.isEmpty() ? CompletableFuture.completedFuture(rest) : fresh.get();
        });
        view.whenComplete((r, e) -> {
            if (view.isCancelled()) {
                leave();
            }
        });
        return view;
    }

    /**
     * Ends the model call. Called on the thread reading the editor's messages, where the edit or
     * request that ended it waits: the abort runs elsewhere.
     */
    void cancel() {
        if (!result.isDone()) {
            cancelling.execute(() -> result.cancel(true));
        }
    }

    /** An edit typed along this suggestion ({@code typedNow} in all): keep the call for the request that will follow it. */
    synchronized void typedAlong(String typedNow) {
        typedAlong = true;
        typed = typedNow;
    }

    /**
     * A reader gave up. With none left the call is ended at once, unless the user is typing along,
     * when the editor cancels the request of the previous key before it asks again.
     */
    private void leave() {
        boolean last;
        boolean waitForNext;
        int readsAtLeave;
        synchronized (this) {
            last = --readers == 0;
            waitForNext = typedAlong;
            readsAtLeave = reads;
        }
        if (last && !waitForNext) {
            cancel();
        } else if (last && !result.isDone()) {
            // Typing along, readers leave and come back at every key; only a call nobody came back
            // to during the whole grace period is abandoned (a later leave has its own period).
            afterGracePeriod.execute(() -> {
                synchronized (this) {
                    if (readers > 0 || reads != readsAtLeave) {
                        return;
                    }
                }
                result.cancel(true); // the grace period's executor is off the reader thread
            });
        }
    }

    private static Optional<Suggestion> remainder(Optional<Suggestion> found, String typed) {
        return found.filter(s -> s.text().length() > typed.length() && s.text().startsWith(typed))
                .map(s -> new Suggestion(s.text().substring(typed.length()), s.model()));
    }
}
