package dev.gptoss.ls.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TypingPauseExecutorTest {
    private final ForegroundWork foreground = new ForegroundWork();
    private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();
    /** Checks put off until later; the test runs each when it chooses. */
    private final Queue<Runnable> later = new ArrayDeque<>();
    private final AtomicBoolean ran = new AtomicBoolean();

    @Test
    void waitsForTheWarmUp() {
        typeOnce();
        quietMoment(0, 60_000).execute(() -> ran.set(true));
        assertFalse(ran.get(), "the vocabulary loaded while the request path was still warming up");
        warmedUp.complete(null);
        later.remove().run();
        assertTrue(ran.get());
    }

    @Test
    void waitsForTheUserToTypeAndPause() {
        warmedUp.complete(null);
        quietMoment(0, 60_000).execute(() -> ran.set(true));
        assertFalse(ran.get(), "the vocabulary loaded before the first keys, when the user may start typing");
        typeOnce();
        later.remove().run();
        assertTrue(ran.get());
    }

    @Test
    void waitsWhileACompletionIsPrepared() {
        warmedUp.complete(null);
        typeOnce();
        foreground.begin();
        quietMoment(0, 60_000).execute(() -> ran.set(true));
        assertFalse(ran.get(), "the vocabulary loaded while the user waited for a completion");
        later.remove().run();
        assertFalse(ran.get());
        foreground.end();
        later.remove().run();
        assertTrue(ran.get());
        assertEquals(0, later.size());
    }

    @Test
    void waitsForAWholePause() {
        warmedUp.complete(null);
        typeOnce();
        quietMoment(60_000, 120_000).execute(() -> ran.set(true));
        assertFalse(ran.get(), "the vocabulary loaded right after a completion, when the next key may come");
        assertEquals(1, later.size());
    }

    @Test
    void runsAtTheBoundEvenIfTheWarmUpNeverEnds() {
        typeOnce();
        quietMoment(0, 0).execute(() -> ran.set(true));
        assertTrue(ran.get(), "exact token counts never came because the warm-up hung");
    }

    @Test
    void runsAtTheBoundEvenIfTheUserNeverPauses() {
        warmedUp.complete(null);
        foreground.begin();
        quietMoment(1_000, 0).execute(() -> ran.set(true));
        assertTrue(ran.get(), "exact token counts never came for a user who never paused");
    }

    private TypingPauseExecutor quietMoment(long quietMillis, long atMostMillis) {
        return new TypingPauseExecutor(foreground, warmedUp, later::add, Runnable::run, quietMillis, atMostMillis);
    }

    private void typeOnce() {
        foreground.begin();
        foreground.end();
    }
}
