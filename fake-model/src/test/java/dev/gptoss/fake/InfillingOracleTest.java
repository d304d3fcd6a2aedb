package dev.gptoss.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfillingOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "def total(xs):\n    \"\"\"The sum of xs, counted one by one.\"\"\"\n    t = 0\n";
    private static final String MIDDLE = "    for x in xs:\n        t += x\n";
    private static final String SUFFIX = "    return t\n";
    private static final List<InfillingGap> GAPS = List.of(
            new InfillingGap("total", PREFIX, MIDDLE, SUFFIX),
            new InfillingGap("other", PREFIX, "    t = sum(xs)\n", "    return t * 2\n"));

    @Test
    void findsTheGapAtTheChatPromptsCursorMarkerAndAnswersInEachShape() {
        String prompt = "File: total.py (python)\nWrite the missing lines.\n\n" + PREFIX + "    <CURSOR>\n" + SUFFIX;
        assertEquals("for x in xs:\n        t += x", answer(AnswerShape.BARE, chat(prompt)));
        assertEquals("    for x in xs:\n        t += x", answer(AnswerShape.TYPED_INDENT_REPEATED, chat(prompt)));
        assertEquals("for x in xs:\n    t += x", answer(AnswerShape.RELATIVE_INDENT, chat(prompt)));
        assertEquals("```python\nfor x in xs:\n        t += x\n```", answer(AnswerShape.FENCED, chat(prompt)));
        assertEquals("Sure, here is the missing code:\n\n```python\nfor x in xs:\n        t += x\n```",
                answer(AnswerShape.SENTENCE_FIRST, chat(prompt)));
    }

    @Test
    void atColumnZeroTheAnswerCarriesItsIndentation() {
        String prompt = PREFIX + "<CURSOR>\n" + SUFFIX;
        assertEquals("    for x in xs:\n        t += x", answer(AnswerShape.BARE, raw(prompt)));
        assertEquals("    for x in xs:\n    t += x", answer(AnswerShape.RELATIVE_INDENT, raw(prompt)));
        assertEquals("for x in xs:\n    t += x", answer(AnswerShape.DEDENTED, raw(prompt)));
    }

    @Test
    void theCodeAfterTheCursorTellsGapsWithTheSamePrefixApart() {
        String prompt = "<|start|>user<|message|>" + PREFIX + "    <CURSOR>\n    return t * 2\n<|end|>";
        assertEquals("t = sum(xs)", answer(AnswerShape.BARE, raw(prompt)));
    }

    @Test
    void theCodeAfterTheCursorIsFoundWhereverThePromptShowsIt() {
        // gptoss-ls sends the lines below the cursor's line first, then the code down to the cursor.
        var gaps = List.of(new InfillingGap("block", PREFIX, MIDDLE, SUFFIX),
                new InfillingGap("line", PREFIX, "    for x in xs:\n", "        t += x\n" + SUFFIX));
        var oracle = new InfillingOracle(gaps, AnswerShape.BARE, "<CURSOR>", "python");
        String below = "File: total.py (python)\nThe code below the cursor's line:\n";
        String above = "\nThe code from the top down to the cursor's line:\n" + PREFIX + "    <CURSOR>\n\nWrite the missing lines.";

        assertEquals("for x in xs:\n        t += x", oracle.apply(chat(below + SUFFIX + above)));
        assertEquals("for x in xs:", oracle.apply(chat(below + "        t += x\n" + SUFFIX + above)));
        assertEquals("for x in xs:", oracle.apply(raw(below + "        t += x\n" + above)), "the suffix cut by a window");
    }

    @Test
    void onlyWholeLinesOfTheCodeAfterTheCursorCount() {
        // HumanEval/81/L6_L29: the next line of a shorter gap starts like a line above the cursor.
        String prefix = "def grades(gpas):\n    out = []\n    for g in gpas:\n        if g == 4.0:\n            out.append(\"A+\")\n";
        String elif = "        elif g > 3.7:\n";
        String append = "            out.append(\"A\")\n";
        var gaps = List.of(new InfillingGap("one", prefix, elif, append + "    return out\n"),
                new InfillingGap("rest", prefix, elif + append, "    return out\n"),
                new InfillingGap("all", prefix, elif + append + "    return out\n", ""));
        var oracle = new InfillingOracle(gaps, AnswerShape.BARE, "<CURSOR>", "python");
        String below = "File: grades.py (python)\nThe code below the cursor's line:\n";
        String above = "\nThe code from the top down to the cursor's line:\n" + prefix + "        <CURSOR>\n\nWrite the missing lines.";

        assertEquals("elif g > 3.7:\n" + append.stripTrailing(), oracle.apply(chat(below + "    return out\n" + above)));
        assertEquals("elif g > 3.7:\n" + append + "    return out", oracle.apply(chat(below + above)),
                "nothing shown after the cursor: the gap with nothing after it");
        var blankNext = List.of(new InfillingGap("line", prefix, elif, "\n    return out\n"),
                new InfillingGap("block", prefix, elif + "\n    return out\n", ""));
        assertEquals("elif g > 3.7:\n\n    return out",
                new InfillingOracle(blankNext, AnswerShape.BARE, "<CURSOR>", "python").apply(chat(below + "\n" + above)),
                "an empty line alone says nothing (HumanEval/20/L13_L15)");
        String prefixWithAppend = prefix.replace("out.append(\"A+\")", "out.append(\"A\")");
        assertEquals("elif g > 3.7:\n" + append + "    return out",
                new InfillingOracle(List.of(new InfillingGap("line", prefixWithAppend, elif, append + "    return out\n"),
                        new InfillingGap("block", prefixWithAppend, elif + append + "    return out\n", "")),
                        AnswerShape.BARE, "<CURSOR>", "python")
                        .apply(chat(below + above.replace(prefix, prefixWithAppend))),
                "a line that stands above the cursor too says nothing (HumanEval/106/L8_L10)");
    }

    @Test
    void aRawPromptWithoutMarkerEndsAtTheCursor() {
        assertEquals("for x in xs:\n        t += x", answer(AnswerShape.BARE, raw(PREFIX + "    ")));
    }

    @Test
    void aPromptAboutNoKnownGapGetsNoAnswer() {
        assertEquals("", answer(AnswerShape.BARE, chat("def unrelated():\n    <CURSOR>\n")));
    }

    private static String answer(AnswerShape shape, ObjectNode body) {
        return new InfillingOracle(GAPS, shape, "<CURSOR>", "python").apply(body);
    }

    private static ObjectNode chat(String userMessage) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("messages").addObject().put("role", "system").put("content", "instructions <CURSOR>");
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("messages")).addObject().put("role", "user")
                .put("content", userMessage);
        return body;
    }

    private static ObjectNode raw(String prompt) {
        return JSON.createObjectNode().put("prompt", prompt).put("raw", true);
    }
}
