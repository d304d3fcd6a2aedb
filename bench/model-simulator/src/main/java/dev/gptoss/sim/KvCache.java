package dev.gptoss.sim;

import java.util.BitSet;
import java.util.Map;

/** What a model server keeps of earlier prompts, and which slot a new one goes to. */
interface KvCache {
    /**
     * Where a prompt starts: its slot, how many of its leading tokens need no computing, and which
     * earlier requests computed them (request id to tokens).
     */
    record Reuse(int slot, int cachedTokens, Map<Long, Integer> computedBy) {
        Reuse(int slot, int cachedTokens) {
            this(slot, cachedTokens, Map.of());
        }
    }

    /** Picks one of the {@code idle} slots for {@code prompt} and says how much of it is cached there. */
    Reuse place(int[] prompt, BitSet idle);

    /**
     * After request {@code owner}: the first {@code computed} tokens of {@code prompt} are in the
     * cache of {@code slot}; the first {@code reused} of them were there before it.
     */
    void store(int slot, int[] prompt, int computed, long owner, int reused);

    static KvCache of(CacheMode mode, int slots, int blockTokens) {
        return switch (mode) {
            case SLOT_PREFIX -> new SlotPrefixCache(slots);
            case BLOCKS -> new BlockPrefixCache(blockTokens, BlockPrefixCache.DEFAULT_CAPACITY_BLOCKS);
            case NONE -> new KvCache() {
                @Override
                public Reuse place(int[] prompt, BitSet idle) {
                    return new Reuse(idle.nextSetBit(0), 0);
                }

                @Override
                public void store(int slot, int[] prompt, int computed, long owner, int reused) {
                }
            };
        };
    }

    /** Tokens two sequences share from their start. */
    static int commonPrefix(int[] a, int aLength, int[] b) {
        int n = Math.min(aLength, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }
}
