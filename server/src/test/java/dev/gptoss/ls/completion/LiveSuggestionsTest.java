package dev.gptoss.ls.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.documents.TextPosition;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The policy for a model call while the user types, on recorded stream events: what the call had
 * streamed when each key came, and whether the model server had a slot free.
 */
class LiveSuggestionsTest {
    private static final String URI = "file:///w/a.py";
    private static final int CURSOR = "total = ".length();

    private final TextDocument document = new TextDocument(URI, "python", 1, "total = \n");
    private final AtomicBoolean idleSlot = new AtomicBoolean();
    private final LiveSuggestions live = new LiveSuggestions(new CacheStats(), idleSlot::get);
    private final Call first = new Call(document.snapshot());
    private int typed;

    @Test
    void aCallWhoseStreamHoldsWhatWasTypedAnswersTheNextRequest() {
        first.streamed.set("sum(item");
        key("s");

        assertFalse(first.result.isDone(), "a call that fits was cut");
        assertTrue(live.continueAt(query(), Call::none).isPresent(), "the request did not attach to the call");
    }

    @Test
    void aCallThatHasStreamedNothingIsCutAtTheKeyWhenItHoldsTheOnlySlot() {
        key("s");

        assertTrue(first.result.isCancelled(), "the next call would have queued behind this one");
        assertTrue(live.continueAt(query(), Call::none).isEmpty(), "nothing to attach to: a new call is needed");
    }

    @Test
    void aCallThatCannotTellYetRunsOnBesideTheNextOneWhenASlotIsFreeAndAnswersOnceItFits() {
        idleSlot.set(true);
        key("s");
        assertFalse(first.result.isDone());
        assertTrue(live.continueAt(query(), Call::none).isEmpty(), "a call that cannot tell yet is never waited for");
        Call second = new Call(document.snapshot());
        idleSlot.set(false);

        first.streamed.set("sum(it");
        key("u");

        assertTrue(live.continueAt(query(), Call::none).isPresent(), "the call kept beside fits by now");
        assertTrue(second.result.isCancelled(), "the newer call, further behind, kept its slot");
        assertFalse(first.result.isDone());
    }

    @Test
    void aStreamIsCutAtTheFirstCharacterThatDiffersFromWhatWasTyped() {
        first.streamed.set("su");
        key("s");
        key("u");
        assertFalse(first.result.isDone());

        assertFalse(first.suggestion.differsFrom("sum"), "the stream still fits");
        assertFalse(first.suggestion.differsFrom("s"), "the stream cannot tell yet");
        assertTrue(first.suggestion.differsFrom("sa"), "'a' differs from the 'u' typed");
    }

    @Test
    void aKeyThatDiffersFromTheStreamEndsTheCall() {
        first.streamed.set("sum(");
        key("x");

        assertTrue(first.result.isCancelled());
    }

    @Test
    void theModelsIndentationNeedNotMatchTheEditors() {
        assertEquals(StreamFit.FITS, StreamFit.of("\n    return total", "\n  ret"));
        assertEquals(StreamFit.CANNOT_TELL, StreamFit.of("\n    re", "\n\treturn"));
        assertEquals(StreamFit.DIFFERS, StreamFit.of("\n    return", "\n    yield"));
        assertEquals(StreamFit.CANNOT_TELL, StreamFit.of("", "x"));
        assertFalse(StreamFit.CANNOT_TELL.keep(false));
        assertTrue(StreamFit.CANNOT_TELL.keep(true));
        assertFalse(StreamFit.DIFFERS.keep(true));
    }

    /** Types {@code text} at the end of what was typed so far, as an edit the server hears of. */
    private void key(String text) {
        var at = document.snapshot().positionOf(CURSOR + typed);
        document.applyEdit(new TextPosition(at.line(), at.character()), new TextPosition(at.line(), at.character()), text);
        typed += text.length();
        live.documentChanged(URI, Optional.of(document.snapshot()));
    }

    private CompletionQuery query() {
        return new CompletionQuery(document.snapshot(), CURSOR + typed, true);
    }

    /** A model call started at the current cursor, whose stream the test writes. */
    private final class Call {
        final CompletableFuture<Optional<Suggestion>> result = new CompletableFuture<>();
        final AtomicReference<String> streamed = new AtomicReference<>("");
        final LiveSuggestion suggestion;

        Call(DocumentSnapshot at) {
            suggestion = new LiveSuggestion(at, CURSOR + typed, result, streamed::get, false, Runnable::run, r -> { });
            live.start(URI, suggestion);
        }

        static CompletableFuture<Optional<Suggestion>> none() {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }
}
