package dev.gptoss.sim;

import java.util.List;

/**
 * The books of one request the simulator served.
 *
 * @param arrivalNanos {@link System#nanoTime()} when it reached the server
 * @param startNanos when it got a slot; -1 when it never did (the client hung up while it queued)
 * @param endNanos when its slot was free again (or when it left the queue)
 * @param cachedTokens prompt tokens the cache held, computed for nothing
 * @param computedTokens prompt tokens in the cache when it ended: the cached ones and those it computed
 * @param prefillNanos GPU time spent computing the rest of the prompt
 * @param decodeNanos GPU time spent generating
 * @param cut the client hung up before the whole answer was sent
 * @param pieces the answer's pieces, as streamed (reasoning, then content)
 * @param pieceDueNanos when each piece was due (all of them, also those never sent); empty if it never started
 * @param piecesSent how many pieces went out
 * @param answer what the oracle made the model say, or null (a fixed answer, or a cursor in no corpus file)
 */
public record Booking(long id, String path, long arrivalNanos, long startNanos, long endNanos, int promptTokens,
                      int cachedTokens, int computedTokens, long prefillNanos, long decodeNanos, int decodedTokens, boolean cut,
                      List<String> pieces, List<Long> pieceDueNanos, int piecesSent, OracleAnswer answer) {

    public boolean started() {
        return startNanos >= 0;
    }

    /** GPU seconds this request took: computing its prompt and generating. */
    public double gpuSeconds() {
        return (prefillNanos + decodeNanos) / 1e9;
    }

    /** GPU seconds of prefill spent on {@code tokens} of the prompt tokens this request computed. */
    public double prefillSecondsFor(int tokens) {
        int computed = computedTokens - cachedTokens;
        return computed <= 0 ? 0 : prefillNanos / 1e9 * Math.min(tokens, computed) / computed;
    }

    /** The text that went out to the client. */
    public String sentText() {
        return String.join("", pieces.subList(0, Math.min(piecesSent, pieces.size())));
    }

    /** The first {@code count} pieces' text and when the last of them was due; {@link Long#MAX_VALUE} if never. */
    public long dueNanos(int count) {
        if (count == 0) {
            return arrivalNanos;
        }
        return count <= pieceDueNanos.size() ? pieceDueNanos.get(count - 1) : Long.MAX_VALUE;
    }
}
