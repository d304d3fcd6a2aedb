package dev.gptoss.fake;

import java.time.Duration;

/**
 * The fake's own pacing: when each of a response's chunks is due, counted from the moment the
 * request was received. Chunk {@code chunks} is the final one (the done chunk, or the whole
 * non-streamed body).
 */
final class ResponseSchedule implements Pacing.Paced {
    private final long startNanos;
    private final int chunks;
    private final long firstNanos;
    private final long stepNanos;
    private final long totalNanos;

    private ResponseSchedule(long startNanos, int chunks, long firstNanos, long stepNanos, long totalNanos) {
        this.startNanos = startNanos;
        this.chunks = chunks;
        this.firstNanos = firstNanos;
        this.stepNanos = stepNanos;
        this.totalNanos = totalNanos;
    }

    static ResponseSchedule of(FakeBehavior behavior, long startNanos, int chunks) {
        long first = behavior.firstTokenDelay().toNanos();
        Duration service = behavior.serviceTime();
        if (service == null) {
            long step = behavior.chunkDelay().toNanos();
            return new ResponseSchedule(startNanos, chunks, first, step, first + step * chunks);
        }
        long total = service.toNanos();
        // Without an explicit first-token delay the first chunk takes one share, like every other.
        long firstShare = first > 0 ? Math.min(first, total) : total / (chunks + 1);
        return new ResponseSchedule(startNanos, chunks, firstShare, -1, total);
    }

    /** The fixed schedule of the behavior's knobs, for answers paced by no one else. */
    static Pacing pacing(FakeBehavior behavior) {
        return (request, pieces) -> of(behavior, request.receivedNanos(), pieces.size());
    }

    /** The {@link System#nanoTime()} at which chunk {@code index} (0..chunks) is due. */
    @Override
    public long deadline(int index) {
        if (index >= chunks) {
            return startNanos + totalNanos;
        }
        if (stepNanos >= 0) {
            return startNanos + firstNanos + stepNanos * index;
        }
        return startNanos + firstNanos + (totalNanos - firstNanos) * index / chunks;
    }

    @Override
    public void end(int sent, boolean cut) {
        // A fixed schedule keeps no books.
    }
}
