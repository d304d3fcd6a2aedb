package dev.gptoss.ls.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.TextDocument;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LiveSuggestionTest {
    private final CompletableFuture<Optional<Suggestion>> call = new CompletableFuture<>();
    /** Grace periods that have begun; the test decides when each one ends. */
    private final Queue<Runnable> gracePeriods = new ArrayDeque<>();
    private final LiveSuggestion live = new LiveSuggestion(
            new TextDocument("file:///w/a.py", "python", 1, "total = \n").snapshot(), 8, call, () -> "",
            false, Runnable::run, gracePeriods::add);

    @Test
    void aCallTypedAlongSurvivesTheGracePeriodOfAnEarlierKey() {
        // Each key: the editor cancels the request of the key before and asks again.
        typeAKey();
        typeAKey();
        // The first key's grace period ends while nobody reads (the editor is between a cancel and
        // its next request): the user is still typing along, so the call must stay.
        gracePeriods.remove().run();
        assertFalse(call.isDone(), "the model call was ended while the user typed along it");
    }

    @Test
    void aCallNobodyComesBackToEndsAfterItsGracePeriod() {
        typeAKey();
        assertFalse(call.isDone(), "the call was ended before the editor could ask again");
        gracePeriods.remove().run();
        assertTrue(call.isCancelled(), "an abandoned model call kept running");
    }

    @Test
    void aCallWithAReaderWhenTheGracePeriodEndsStays() {
        typeAKey();
        live.read("", () -> CompletableFuture.completedFuture(Optional.empty()));
        gracePeriods.remove().run();
        assertFalse(call.isDone(), "the call was ended while a request waited for it");
    }

    @Test
    void aReaderLeavingWithoutTypingAlongEndsTheCallAtOnce() {
        var view = live.read("", () -> CompletableFuture.completedFuture(Optional.empty()));
        view.cancel(true);
        assertTrue(call.isCancelled(), "a call nobody waits for kept running");
        assertEquals(0, gracePeriods.size());
    }

    private void typeAKey() {
        var view = live.read("", () -> CompletableFuture.completedFuture(Optional.empty()));
        live.typedAlong("");
        view.cancel(true);
    }
}
