package dev.gptoss.ls.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HarmonyFilterTest {

    @Test
    void analysisChannelNeverReachesTheOutputWhateverTheChunking() {
        String stream = "<|channel|>analysis<|message|>The user wants a sum. Let me think.<|end|>"
                + "<|start|>assistant<|channel|>final<|message|>return a + b<|return|>";
        for (int size = 1; size <= 9; size++) {
            assertEquals("return a + b", filterInChunks(stream, size), "chunks of " + size);
        }
    }

    @Test
    void plainAnswerEndsAtTheStopToken() {
        var filter = new HarmonyFilter();
        assertEquals("x = 1", filter.accept("x = 1<|end|> trailing junk"));
        assertTrue(filter.finished());
    }

    @Test
    void lessThanSignsInCodeAreKept() {
        assertEquals("if a < b and c <| d:", filterInChunks("if a < b and c <| d:", 1));
        assertEquals("List<|x", filterInChunks("List<|x", 3));
    }

    @Test
    void commentaryAndConstrainTokensAreDropped() {
        String stream = "<|start|>assistant<|channel|>commentary to=functions.f <|constrain|>json<|message|>{}<|call|>";
        assertEquals("", filterInChunks(stream, 4));
    }

    private static String filterInChunks(String stream, int size) {
        var filter = new HarmonyFilter();
        var out = new StringBuilder();
        for (int i = 0; i < stream.length(); i += size) {
            out.append(filter.accept(stream.substring(i, Math.min(stream.length(), i + size))));
        }
        return out.append(filter.flush()).toString();
    }
}
