package dev.gptoss.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the server computes for each kind of request, and where its cursor is. */
class PromptTextTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRawPromptIsComputedAsSentAndItsCursorIsTheMarker() {
        String prompt = "<|start|>user<|message|>x = 1\ny = <CURSOR>\nz = 3<|end|><|start|>assistant";
        PromptText text = PromptText.of(json.createObjectNode().put("prompt", prompt).put("raw", true));

        assertEquals(prompt, text.text());
        assertTrue(text.before().endsWith("y = "));
        assertEquals("\nz = 3", text.after());
    }

    @Test
    void chatMessagesAreRenderedInHarmonyAndTheCursorIsInTheUserMessage() {
        ObjectNode body = json.createObjectNode();
        body.putArray("messages")
                .add(json.createObjectNode().put("role", "system").put("content", "complete code"))
                .add(json.createObjectNode().put("role", "user").put("content", "a = <CURSOR> + 1"));

        PromptText text = PromptText.of(body);

        assertEquals("<|start|>system<|message|>complete code<|end|><|start|>user<|message|>a = <CURSOR> + 1<|end|>"
                + "<|start|>assistant", text.text());
        assertEquals("a = ", text.before());
        assertEquals(" + 1", text.after());
    }

    @Test
    void tabbySegmentsPutSnippetsAsCommentsBeforeThePrefixAndTheSuffixLast() {
        ObjectNode body = json.createObjectNode().put("language", "python");
        ObjectNode segments = body.putObject("segments").put("prefix", "def f():\n    return ").put("suffix", "\n");
        segments.putArray("declarations").add(json.createObjectNode().put("filepath", "g.py").put("body", "def g(): ..."));

        PromptText text = PromptText.of(body);

        assertEquals("// Path: g.py\n// def g(): ...\ndef f():\n    return <SUF>\n<MID>", text.text());
        assertEquals("def f():\n    return ", text.before());
    }

    @Test
    void eachPieceIsDueWhenTheTokenHoldingItsLastCharacterIsGenerated() {
        int[] ends = {3, 5, 9}; // "abc" is one token, "de" the next, "fghi" the last

        assertEquals(List.of(1, 1, 3, 3, 4), toList(SimulatedPacing.tokensByPiece(ends, List.of("ab", "c", "defg", ""))));
    }

    private static List<Integer> toList(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
