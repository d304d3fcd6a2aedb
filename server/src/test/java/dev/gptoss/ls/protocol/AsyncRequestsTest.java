package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AsyncRequestsTest {
    @Test
    void theFallbackSeesACancellationFromEarlierStagesAsACancellation() {
        var modelCall = new CompletableFuture<String>();
        CompletableFuture<String> suggestion = modelCall.thenApply(String::strip);
        var seen = new AtomicReference<Throwable>();
        CompletableFuture<Optional<String>> answer = AsyncRequests.mapOrElse(suggestion, Optional::of, error -> {
            seen.set(error);
            return Optional.empty();
        });

        modelCall.cancel(true);

        assertEquals(Optional.empty(), answer.join());
        assertInstanceOf(CancellationException.class, seen.get(),
                "typing cut the call: the handler must tell that from a failure");
    }

    @Test
    void cancellingTheAnswerCancelsTheWorkItCameFrom() {
        var work = new CompletableFuture<String>();
        CompletableFuture<Optional<String>> answer = AsyncRequests.mapOrElse(work, Optional::of, error -> Optional.empty());

        answer.cancel(true);

        assertTrue(work.isCancelled());
    }
}
