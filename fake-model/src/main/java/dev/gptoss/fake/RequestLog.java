package dev.gptoss.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The requests a fake received, in arrival order, with a way to wait for more. */
final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile Consumer<RecordedRequest> finishedListener = r -> { };

    synchronized void add(RecordedRequest request) {
        requests.add(request);
        notifyAll();
    }

    void finished(RecordedRequest request) {
        finishedListener.accept(request);
    }

    void onFinished(Consumer<RecordedRequest> listener) {
        finishedListener = listener;
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized int size() {
        return requests.size();
    }

    synchronized void clear() {
        requests.clear();
    }

    /** All requests once there are at least {@code count}; throws AssertionError after {@code max}. */
    synchronized List<RecordedRequest> await(int count, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (requests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " requests within " + max + ", got " + requests);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for requests", e);
            }
        }
        return List.copyOf(requests);
    }
}
