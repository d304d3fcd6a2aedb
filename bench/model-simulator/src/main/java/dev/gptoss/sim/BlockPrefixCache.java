package dev.gptoss.sim;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * vLLM's automatic prefix caching: computed tokens are kept in full blocks, each known by the hash
 * of all tokens up to its end, whichever request computed them. A new prompt reuses its leading
 * blocks that are still held; blocks are evicted least recently used first. A partial last block
 * is never reused, and at least the last prompt token is always computed.
 */
final class BlockPrefixCache implements KvCache {
    /** 16-token blocks for 16,384 tokens of context per slot in a 4-slot server: plenty for one user. */
    static final int DEFAULT_CAPACITY_BLOCKS = 4096;

    private final int blockTokens;
    private final int capacity;
    private final LinkedHashMap<Long, Long> blocks;

    BlockPrefixCache(int blockTokens, int capacityBlocks) {
        this.blockTokens = blockTokens;
        this.capacity = capacityBlocks;
        this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized Reuse place(int[] prompt, BitSet idle) {
        long hash = 0xcbf29ce484222325L;
        int cached = 0;
        int limit = Math.max(0, prompt.length - 1);
        Map<Long, Integer> owners = new java.util.HashMap<>();
        for (int end = blockTokens; end <= prompt.length; end += blockTokens) {
            hash = chain(hash, prompt, end - blockTokens, end);
            Long owner = blocks.get(hash);
            if (owner == null) {
                break;
            }
            owners.merge(owner, Math.min(end, limit) - Math.min(end - blockTokens, limit), Integer::sum);
            cached = end;
        }
        return new Reuse(idle.nextSetBit(0), Math.min(cached, limit), owners);
    }

    @Override
    public synchronized void store(int slot, int[] prompt, int computed, long owner, int reused) {
        long hash = 0xcbf29ce484222325L;
        for (int end = blockTokens; end <= Math.min(computed, prompt.length); end += blockTokens) {
            hash = chain(hash, prompt, end - blockTokens, end);
            if (blocks.get(hash) == null) {
                blocks.put(hash, owner);
            }
        }
    }

    synchronized int heldBlocks() {
        return blocks.size();
    }

    /** FNV-1a over the block's tokens, seeded with the hash of everything before it. */
    private static long chain(long previous, int[] tokens, int from, int to) {
        long hash = previous;
        for (int i = from; i < to; i++) {
            hash = (hash ^ tokens[i]) * 0x100000001B3L;
        }
        return hash;
    }
}
