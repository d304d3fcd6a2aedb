package dev.gptoss.ls.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs start-up work that fills the heap with long-lived objects (the tokenizer's vocabulary,
 * some 40 MB of small ones) when nobody waits: after {@code after} (the warm-up of the request
 * path), at the first pause in typing (no completion prepared for a while), or at the latest after
 * a bound. Copying that much through the young generation takes collections of 10–90 ms each on a
 * small machine; run at start-up, they landed on the completions of the first keys typed.
 */
public final class TypingPauseExecutor implements Executor {
    private static final Logger LOG = Logger.getLogger(TypingPauseExecutor.class.getName());

    private final ForegroundWork foreground;
    private final Future<?> after;
    private final Consumer<Runnable> checkLater;
    private final Executor work;
    private final long quietMillis;
    private final long atMostMillis;

    /**
     * @param checkLater runs a check again a little later (a timer's delay in the server)
     * @param atMostMillis counted from {@link #execute}: the task runs then even if the user
     *     never paused or {@code after} never completed
     */
    public TypingPauseExecutor(ForegroundWork foreground, Future<?> after, Consumer<Runnable> checkLater,
                       Executor work, long quietMillis, long atMostMillis) {
        this.foreground = foreground;
        this.after = after;
        this.checkLater = checkLater;
        this.work = work;
        this.quietMillis = quietMillis;
        this.atMostMillis = atMostMillis;
    }

    @Override
    public void execute(Runnable task) {
        runWhenQuiet(task, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(atMostMillis));
    }

    private void runWhenQuiet(Runnable task, long deadline) {
        try {
            if ((after.isDone() && foreground.pausedFor(quietMillis)) || System.nanoTime() - deadline >= 0) {
                work.execute(task);
            } else {
                checkLater.accept(() -> runWhenQuiet(task, deadline));
            }
        } catch (RejectedExecutionException e) {
            LOG.fine("Not started: the server is shutting down");
        }
    }
}
