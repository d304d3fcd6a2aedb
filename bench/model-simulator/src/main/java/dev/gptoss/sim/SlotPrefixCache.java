package dev.gptoss.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** Per slot, which request computed which stretch of what it holds: {end, request id}, in order. */
    private final List<List<long[]>> computedBy = new ArrayList<>();
    private long uses;

    SlotPrefixCache(int slots) {
        held = new int[slots][];
        heldLength = new int[slots];
        lastUse = new long[slots];
        for (int i = 0; i < slots; i++) {
            held[i] = new int[0];
            computedBy.add(new ArrayList<>());
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
        int cached = Math.min(bestShared, Math.max(0, prompt.length - 1));
        Map<Long, Integer> owners = new HashMap<>();
        int from = 0;
        for (long[] stretch : computedBy.get(slot)) {
            int to = (int) Math.min(stretch[0], cached);
            if (to > from) {
                owners.merge(stretch[1], to - from, Integer::sum);
            }
            from = Math.max(from, (int) stretch[0]);
        }
        return new Reuse(slot, cached, owners);
    }

    @Override
    public synchronized void store(int slot, int[] prompt, int computed, long owner, int reused) {
        held[slot] = prompt;
        heldLength[slot] = Math.min(computed, prompt.length);
        lastUse[slot] = ++uses;
        var kept = new ArrayList<long[]>();
        long from = 0;
        for (long[] stretch : computedBy.get(slot)) {
            if (from >= reused) {
                break;
            }
            kept.add(new long[] {Math.min(stretch[0], reused), stretch[1]});
            from = stretch[0];
        }
        if (heldLength[slot] > reused) {
            kept.add(new long[] {heldLength[slot], owner});
        }
        computedBy.set(slot, kept);
    }
}
