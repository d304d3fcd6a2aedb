package dev.gptoss.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** vLLM-style prefix caching: whole blocks, shared by every slot, evicted least recently used first. */
class BlockPrefixCacheTest {
    @Test
    void onlyWholeBlocksOfAPromptAreReused() {
        var cache = new BlockPrefixCache(4, 100);
        cache.store(0, tokens(0, 10), 10, 1, 0);

        assertEquals(8, cache.place(tokens(0, 12), idle(1)).cachedTokens(), "two full blocks of four; the rest of the third is not kept");
        assertEquals(4, cache.place(withChangeAt(tokens(0, 12), 6), idle(1)).cachedTokens());
        assertEquals(2, cache.heldBlocks());
    }

    @Test
    void aBlockComputedByOneSlotServesAnother() {
        var cache = new BlockPrefixCache(4, 100);
        cache.store(0, tokens(0, 16), 16, 1, 0);
        var other = new BitSet();
        other.set(3);

        KvCache.Reuse reuse = cache.place(tokens(0, 20), other);

        assertEquals(3, reuse.slot());
        assertEquals(16, reuse.cachedTokens());
    }

    @Test
    void aPromptAllInTheCacheStillComputesItsLastToken() {
        var cache = new BlockPrefixCache(4, 100);
        cache.store(0, tokens(0, 8), 8, 1, 0);

        assertEquals(7, cache.place(tokens(0, 8), idle(1)).cachedTokens());
    }

    @Test
    void theLeastRecentlyUsedBlocksGoFirstWhenTheCacheIsFull() {
        var cache = new BlockPrefixCache(4, 3);
        cache.store(0, tokens(0, 8), 8, 1, 0);
        cache.store(0, tokens(100, 4), 4, 1, 0);
        cache.place(tokens(0, 9), idle(1));
        cache.store(0, tokens(200, 4), 4, 1, 0);

        assertEquals(8, cache.place(tokens(0, 9), idle(1)).cachedTokens(), "used recently, kept");
        assertEquals(0, cache.place(tokens(100, 5), idle(1)).cachedTokens(), "the oldest, evicted");
    }

    @Test
    void onlyTheComputedPartOfACutPromptIsKept() {
        var cache = new BlockPrefixCache(4, 100);
        cache.store(0, tokens(0, 40), 9, 1, 0);

        assertEquals(8, cache.place(tokens(0, 40), idle(1)).cachedTokens());
    }

    private static BitSet idle(int slots) {
        var idle = new BitSet();
        idle.set(0, slots);
        return idle;
    }

    private static int[] tokens(int first, int count) {
        return IntStream.range(first, first + count).toArray();
    }

    private static int[] withChangeAt(int[] tokens, int index) {
        int[] changed = tokens.clone();
        changed[index] = -1;
        return changed;
    }
}
