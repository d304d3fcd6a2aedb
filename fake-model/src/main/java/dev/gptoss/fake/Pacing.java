package dev.gptoss.fake;

import java.util.List;

/**
 * When the pieces of a generated answer go out. The fake's own knobs give a fixed schedule
 * ({@link FakeBehavior#firstTokenDelay}, {@link FakeBehavior#chunkDelay}, {@link FakeBehavior#serviceTime});
 * a model server simulator plugs in one that depends on the prompt, on what its cache holds and on
 * the other requests it is serving.
 */
@FunctionalInterface
public interface Pacing {
    /**
     * An answer of {@code pieces} (reasoning first, then content, in the order they are streamed) is
     * about to be generated for {@code request}. Called on the request's connection thread.
     */
    Paced begin(RecordedRequest request, List<String> pieces);

    /** The clock of one answer. */
    interface Paced {
        /**
         * The {@link System#nanoTime()} at which piece {@code index} is due; {@code index == pieces}
         * is the end of the answer. {@link Long#MAX_VALUE} while that is not known yet (the request
         * waits for a free slot): the fake asks again every few milliseconds until it is due.
         */
        long deadline(int index);

        /**
         * The exchange is over: {@code sent} pieces were written; {@code cut} when the client hung up
         * (or the fake dropped the connection) before the end.
         */
        void end(int sent, boolean cut);
    }
}
