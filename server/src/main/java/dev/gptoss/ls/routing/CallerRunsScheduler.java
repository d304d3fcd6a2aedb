package dev.gptoss.ls.routing;

import dev.failsafe.spi.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Failsafe's immediate work on the calling thread and only delayed work (timeouts, breaker
 * delays) on the executor. A model call starts with a non-blocking send, so there is nothing to
 * gain from another thread hop, and on a busy two-core machine each hop costs milliseconds of the
 * user's typing.
 */
final class CallerRunsScheduler implements Scheduler {
    private final Scheduler delayed;

    CallerRunsScheduler(ExecutorService executor) {
        this.delayed = Scheduler.of(executor);
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        if (delay > 0) {
            return delayed.schedule(callable, delay, unit);
        }
        var task = new FutureTask<>(callable);
        task.run();
        return new Done(task);
    }

    /** A task that already ran. */
    private static final class Done implements ScheduledFuture<Object> {
        private final FutureTask<?> task;

        Done(FutureTask<?> task) {
            this.task = task;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return task.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException {
            return task.get();
        }
    }
}
