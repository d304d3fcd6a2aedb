package dev.gptoss.sim;

import java.util.BitSet;

/**
 * llama.cpp's server (and Ollama's runner): each slot holds the tokens of the last prompt it
 * computed. A new prompt goes to the idle slot that shares the longest prefix with it, or, when
 * none shares anything, to the slot idle longest; only the tokens after that prefix are computed.
 * At least the last prompt token is always computed, as llama.cpp does, to get its logits.
 */
final class SlotPrefixCache implements KvCache {
    private final int[][] held;
    private final int[] heldLength;
    private final long[] lastUse;
    private long uses;

    SlotPrefixCache(int slots) {
        held = new int[slots][];
        heldLength = new int[slots];
        lastUse = new long[slots];
        for (int i = 0; i < slots; i++) {
            held[i] = new int[0];
        }
    }

    @Override
    public synchronized Reuse place(int[] prompt, BitSet idle) {
        int best = -1;
        int bestShared = 0;
        int leastRecent = -1;
        for (int slot = idle.nextSetBit(0); slot >= 0; slot = idle.nextSetBit(slot + 1)) {
            int shared = KvCache.commonPrefix(held[slot], heldLength[slot], prompt);
            if (shared > bestShared) {
                best = slot;
                bestShared = shared;
            }
            if (leastRecent < 0 || lastUse[slot] < lastUse[leastRecent]) {
                leastRecent = slot;
            }
        }
        int slot = best >= 0 ? best : leastRecent;
        lastUse[slot] = ++uses;
        return new Reuse(slot, Math.min(bestShared, Math.max(0, prompt.length - 1)));
    }

    @Override
    public synchronized void store(int slot, int[] prompt, int computed) {
        held[slot] = prompt;
        heldLength[slot] = Math.min(computed, prompt.length);
        lastUse[slot] = ++uses;
    }
}
