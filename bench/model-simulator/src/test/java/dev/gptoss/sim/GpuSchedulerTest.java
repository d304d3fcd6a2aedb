package dev.gptoss.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Slots, queue, prefix cache and GPU booking, on hand-made prompts at hand-picked times (no clock). */
class GpuSchedulerTest {
    private static final long MS = 1_000_000L;
    /** 1,000 prompt tokens a second and 100 generated tokens a second: 1 ms and 10 ms a token. */
    private static final Profile ONE_SLOT = new Profile("test", "m", "hw", "llama.cpp", 1000, List.of(100.0), 1,
            CacheMode.SLOT_PREFIX, 4, 0, "hand-made");

    @Test
    void aPromptThatExtendsTheLastOneComputesOnlyTheNewTokens() {
        var gpu = new GpuScheduler(ONE_SLOT, KvCache.of(CacheMode.SLOT_PREFIX, 1, 4));
        var first = gpu.submit(tokens(0, 100), answerOf(5), 0);
        var firstUse = gpu.end(first, false, 1000 * MS);
        var second = gpu.submit(concat(tokens(0, 100), tokens(500, 10)), answerOf(5), 2000 * MS);

        assertEquals(0, firstUse.cachedTokens());
        assertEquals(100 * MS, firstUse.prefillNanos(), "100 tokens at 1,000 a second");
        assertEquals(100, second.cachedTokens);
        assertEquals(10 * MS, second.prefillNanos, "only the 10 new tokens are computed");
        assertEquals(2000 * MS + 10 * MS + 10 * MS, gpu.deadline(second, 0), "first token after prefill and one decode step");
    }

    @Test
    void aPromptThatChangesInTheMiddleReusesOnlyWhatComesBeforeTheChange() {
        var gpu = new GpuScheduler(ONE_SLOT, KvCache.of(CacheMode.SLOT_PREFIX, 1, 4));
        int[] before = tokens(0, 100);
        int[] after = before.clone();
        after[40] = 9999;
        gpu.end(gpu.submit(before, answerOf(1), 0), false, 500 * MS);

        var next = gpu.submit(after, answerOf(1), 600 * MS);

        assertEquals(40, next.cachedTokens);
        assertEquals(60 * MS, next.prefillNanos);
    }

    @Test
    void theSamePromptAgainStillComputesItsLastToken() {
        var gpu = new GpuScheduler(ONE_SLOT, KvCache.of(CacheMode.SLOT_PREFIX, 1, 4));
        gpu.end(gpu.submit(tokens(0, 50), answerOf(1), 0), false, 500 * MS);

        var again = gpu.submit(tokens(0, 50), answerOf(1), 600 * MS);

        assertEquals(49, again.cachedTokens);
    }

    @Test
    void aRequestQueuesBehindABusySlotAndStartsTheMomentTheRunningOneIsCut() {
        var gpu = new GpuScheduler(ONE_SLOT, KvCache.of(CacheMode.NONE, 1, 4));
        var running = gpu.submit(tokens(0, 100), answerOf(20), 0);
        var waiting = gpu.submit(tokens(1000, 50), answerOf(3), 30 * MS);

        assertEquals(Long.MAX_VALUE, gpu.deadline(waiting, 0), "no slot, no time yet");
        assertEquals(1, gpu.queued());
        var cut = gpu.end(running, true, 130 * MS);

        assertTrue(cut.cut());
        assertEquals(100 * MS, cut.prefillNanos());
        assertEquals(30 * MS, cut.decodeNanos());
        assertEquals(3, cut.decodedTokens());
        assertEquals(130 * MS + 50 * MS + 10 * MS, gpu.deadline(waiting, 0), "starts at the cut, prefills 50 tokens");
        assertEquals(0, gpu.queued());
    }

    @Test
    void anAnsweredRequestFreesItsSlotAtItsFinishNotWhenTheServerNoticed() {
        var gpu = new GpuScheduler(ONE_SLOT, KvCache.of(CacheMode.NONE, 1, 4));
        var answered = gpu.submit(tokens(0, 10), answerOf(4), 0);
        var next = gpu.submit(tokens(0, 10), answerOf(1), 1 * MS);
        long finish = 10 * MS + 5 * 10 * MS;

        var use = gpu.end(answered, false, finish + 7 * MS);

        assertEquals(finish, use.release());
        assertEquals(5, use.decodedTokens(), "four tokens and the stop token");
        assertEquals(finish + 10 * MS + 10 * MS, gpu.deadline(next, 0));
    }

    @Test
    void aRequestThatLeavesTheQueueCostsNoGpuTime() {
        var gpu = new GpuScheduler(ONE_SLOT, KvCache.of(CacheMode.NONE, 1, 4));
        var running = gpu.submit(tokens(0, 10), answerOf(50), 0);
        var gaveUp = gpu.submit(tokens(0, 10), answerOf(1), 5 * MS);
        var third = gpu.submit(tokens(0, 10), answerOf(1), 6 * MS);

        var use = gpu.end(gaveUp, true, 20 * MS);
        gpu.end(running, true, 40 * MS);

        assertFalse(use.started());
        assertEquals(0, use.prefillNanos() + use.decodeNanos());
        assertEquals(40 * MS + 10 * MS + 10 * MS, gpu.deadline(third, 0), "the third is next after the cut");
    }

    @Test
    void aPromptCutWhileItWasComputedLeavesOnlyTheComputedPartInTheCache() {
        var gpu = new GpuScheduler(ONE_SLOT, KvCache.of(CacheMode.SLOT_PREFIX, 1, 4));
        var cut = gpu.submit(tokens(0, 100), answerOf(5), 0);
        gpu.end(cut, true, 30 * MS);

        var next = gpu.submit(tokens(0, 100), answerOf(5), 40 * MS);

        assertEquals(30, next.cachedTokens, "30 ms at 1,000 tokens a second computed 30 tokens");
    }

    @Test
    void twoSlotsRunTwoRequestsAtOnceEachAtTheSpeedOfTwoSequencesAndKeepTheirOwnPrompts() {
        var twoSlots = new Profile("test2", "m", "hw", "llama.cpp", 1000, List.of(100.0, 50.0), 2,
                CacheMode.SLOT_PREFIX, 4, 0, "hand-made");
        var gpu = new GpuScheduler(twoSlots, KvCache.of(CacheMode.SLOT_PREFIX, 2, 4));
        var a = gpu.submit(tokens(0, 40), answerOf(2), 0);
        var b = gpu.submit(tokens(1000, 40), answerOf(2), 0);

        assertEquals(10 * MS, a.tokenNanos, "alone on the GPU");
        assertEquals(20 * MS, b.tokenNanos, "two sequences: 50 tokens a second each");
        gpu.end(a, false, 500 * MS);
        gpu.end(b, false, 500 * MS);
        var again = gpu.submit(concat(tokens(1000, 40), tokens(7, 3)), answerOf(1), 600 * MS);

        assertEquals(b.slot, again.slot, "the slot that holds the longer shared prefix");
        assertEquals(40, again.cachedTokens);
    }

    @Test
    void theFixedProfileAnswersItsFirstTokenAfterTheSetTimeWhateverThePrompt() {
        var storm = Profile.fixed(120, 5, 1);
        var gpu = new GpuScheduler(storm, KvCache.of(storm.cache(), 1, 16));
        var job = gpu.submit(tokens(0, 3000), answerOf(16), 0);

        assertEquals(120 * MS, gpu.deadline(job, 0));
        assertEquals(200 * MS, gpu.deadline(job, 16), "16 tokens 5 ms apart, then the stop token");
    }

    @Test
    void thePromptTokensACutRequestComputedAreCreditedWhenTheNextRequestReusesThem() {
        var gpu = new GpuScheduler(ONE_SLOT, KvCache.of(CacheMode.SLOT_PREFIX, 1, 4));
        var cut = gpu.submit(tokens(0, 100), answerOf(5), 0);
        var use = gpu.end(cut, true, 60 * MS);
        var next = gpu.submit(concat(tokens(0, 50), tokens(900, 60)), answerOf(5), 70 * MS);

        assertEquals(60, use.computedTokens(), "60 ms at 1,000 tokens a second");
        assertEquals(50, next.cachedTokens);
        assertEquals(50, gpu.reusedTokens(cut.id), "the next request took 50 of the 60 tokens the cut one computed");
        gpu.end(next, false, 2000 * MS);
        var third = gpu.submit(tokens(0, 100), answerOf(5), 2100 * MS);
        assertEquals(50, third.cachedTokens);
        assertEquals(50, gpu.reusedTokens(cut.id), "credit is the most any later request reused, not a sum");
        assertEquals(0, gpu.reusedTokens(next.id), "the third shares nothing of what the second computed");
    }

    @Test
    void blocksComputedByOneRequestAreCreditedToItWhenAnotherSlotReusesThem() {
        var vllm = new Profile("test-vllm", "m", "hw", "vLLM", 1000, List.of(100.0), 2, CacheMode.BLOCKS, 4, 0, "hand-made");
        var gpu = new GpuScheduler(vllm, KvCache.of(CacheMode.BLOCKS, 2, 4));
        var first = gpu.submit(tokens(0, 20), answerOf(1), 0);
        gpu.end(first, true, 12 * MS);
        var second = gpu.submit(tokens(0, 20), answerOf(1), 20 * MS);

        assertEquals(12, second.cachedTokens, "three whole blocks of four");
        assertEquals(12, gpu.reusedTokens(first.id));
    }

    /** An answer of {@code n} one-token pieces: tokens by the end of piece i is i + 1, then the stop token. */
    private static int[] answerOf(int n) {
        return IntStream.rangeClosed(1, n + 1).toArray();
    }

    private static int[] tokens(int first, int count) {
        return IntStream.range(first, first + count).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }
}
