package dev.gptoss.sim;

import java.util.BitSet;

/** What a model server keeps of earlier prompts, and which slot a new one goes to. */
interface KvCache {
    /** Where a prompt starts: its slot and how many of its leading tokens need no computing. */
    record Reuse(int slot, int cachedTokens) {
    }

    /** Picks one of the {@code idle} slots for {@code prompt} and says how much of it is cached there. */
    Reuse place(int[] prompt, BitSet idle);

    /** After a request: the first {@code computed} tokens of {@code prompt} are in the cache of {@code slot}. */
    void store(int slot, int[] prompt, int computed);

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
                public void store(int slot, int[] prompt, int computed) {
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
