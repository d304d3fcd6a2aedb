package dev.gptoss.sim;

import java.util.List;
import java.util.Locale;

/**
 * How fast one model runs on one machine under one server, from a published benchmark.
 *
 * @param prefillTokensPerSecond prompt tokens computed per second (tokens found in the cache cost nothing)
 * @param decodeTokensPerSecond generated tokens per second for one sequence when 1, 2, 3 … sequences run
 *     at once; the last value holds for more
 * @param slots sequences the server runs at once; more requests wait in a queue
 * @param blockTokens the block size of {@link CacheMode#BLOCKS}
 * @param fixedFirstTokenMs when above 0, every answer's first token comes this long after it starts,
 *     whatever the prompt (a synthetic profile, for the typing storm)
 * @param source where the figures come from
 */
public record Profile(String name, String model, String hardware, String engine, double prefillTokensPerSecond,
                      List<Double> decodeTokensPerSecond, int slots, CacheMode cache, int blockTokens,
                      double fixedFirstTokenMs, String source) {

    public Profile {
        if (prefillTokensPerSecond <= 0 || decodeTokensPerSecond.isEmpty()
                || decodeTokensPerSecond.stream().anyMatch(t -> t <= 0) || slots < 1 || blockTokens < 1) {
            throw new IllegalArgumentException("impossible profile " + name);
        }
        decodeTokensPerSecond = List.copyOf(decodeTokensPerSecond);
    }

    /** A synthetic server: first token after {@code firstTokenMs}, then one token every {@code tokenMs}. */
    public static Profile fixed(double firstTokenMs, double tokenMs, int slots) {
        return new Profile(String.format(Locale.ROOT, "fixed-%.0fms-%.0fms-%dslot", firstTokenMs, tokenMs, slots),
                "any", "none", "synthetic", 1e9, List.of(1000.0 / tokenMs), slots, CacheMode.NONE, 16,
                firstTokenMs, "synthetic: first token after " + firstTokenMs + " ms, then " + tokenMs + " ms a token");
    }

    /** Per-sequence decode speed with {@code sequences} running at once. */
    public double decodeTokensPerSecond(int sequences) {
        int index = Math.min(Math.max(sequences, 1), decodeTokensPerSecond.size()) - 1;
        return decodeTokensPerSecond.get(index);
    }

    /** The same machine with another number of slots (a server started with more parallel sequences). */
    public Profile withSlots(int count) {
        return new Profile(name + "/" + count + "slots", model, hardware, engine, prefillTokensPerSecond,
                decodeTokensPerSecond, count, cache, blockTokens, fixedFirstTokenMs, source);
    }

    /** The same machine with another prefix cache. */
    public Profile withCache(CacheMode mode) {
        return new Profile(name + "/" + mode.name().toLowerCase(Locale.ROOT), model, hardware, engine,
                prefillTokensPerSecond, decodeTokensPerSecond, slots, mode, blockTokens, fixedFirstTokenMs, source);
    }
}
