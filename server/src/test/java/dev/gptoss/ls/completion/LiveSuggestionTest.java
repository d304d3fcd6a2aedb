package dev.gptoss.ls.completion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.TextDocument;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LiveSuggestionTest {
    private final CompletableFuture<Optional<Suggestion>> call = new CompletableFuture<>();
    private final LiveSuggestion live = new LiveSuggestion(
            new TextDocument("file:///w/a.py", "python", 1, "total = \n").snapshot(), 8, call, () -> "",
            false, Runnable::run);

    @Test
    void aCallTypedAlongSurvivesTheGracePeriodOfAnEarlierKey() throws Exception {
        // Key 1: the editor cancels the first request and asks again; key 2 the same, 200 ms later.
        typeAKey();
        Thread.sleep(200);
        typeAKey();
        // The first key's grace period ends while nobody reads (the editor is between a cancel and
        // its next request): the user is still typing along, so the call must stay.
        Thread.sleep(180);
        assertFalse(call.isDone(), "the model call was ended while the user typed along it");
        live.read("", () -> CompletableFuture.completedFuture(Optional.empty()));
    }

    @Test
    void aCallNobodyComesBackToEndsAfterItsGracePeriod() throws Exception {
        typeAKey();
        Thread.sleep(600);
        assertTrue(call.isCancelled(), "an abandoned model call kept running");
    }

    private void typeAKey() {
        var view = live.read("", () -> CompletableFuture.completedFuture(Optional.empty()));
        live.typedAlong();
        view.cancel(true);
    }
}
