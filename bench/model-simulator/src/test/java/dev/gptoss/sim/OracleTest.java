package dev.gptoss.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oracle finds the cursor from the prompt and knows what the file has there. */
class OracleTest {
    private static final String PY = """
            import math


            def area(radius):
                if radius < 0:
                    raise ValueError("negative radius")
                return math.pi * radius ** 2


            def describe(shape):
                return f"{shape.name}: {area(shape.radius):.2f}"
            """;

    @Test
    void inTheMiddleOfALineTheTruthIsTheRestOfTheLine() {
        int cursor = PY.indexOf("math.pi") + "math.".length();

        assertEquals("pi * radius ** 2", Oracle.truthAt(PY, cursor));
    }

    @Test
    void atTheEndOfABlockOpenerTheTruthIsTheBlock() {
        int cursor = PY.indexOf("if radius < 0:") + "if radius < 0:".length();

        assertEquals("\n        raise ValueError(\"negative radius\")", Oracle.truthAt(PY, cursor));
    }

    @Test
    void onTheFirstLineOfABodyTheTruthIsTheWholeBody() {
        int cursor = PY.indexOf("    if radius") + 4;

        assertEquals("if radius < 0:\n        raise ValueError(\"negative radius\")\n    return math.pi * radius ** 2",
                Oracle.truthAt(PY, cursor));
    }

    @Test
    void atTheEndOfAPlainLineTheTruthIsTheNextLine() {
        int cursor = PY.indexOf("(\"negative radius\")") + "(\"negative radius\")".length();

        assertEquals("\n    return math.pi * radius ** 2", Oracle.truthAt(PY, cursor));
    }

    @Test
    void theCursorIsFoundFromTheCodeBeforeItEvenAfterTheInstructions() {
        var oracle = new Oracle(Map.of("shapes.py", PY), 1.0, 1);
        int cursor = PY.indexOf("math.pi") + "math.".length();
        String prompt = "<|start|>user<|message|>File: shapes.py (python)\nComplete the current line only.\n\n"
                + PY.substring(PY.indexOf("def area"), cursor) + "<CURSOR>\n\n\ndef describe(shape):<|end|>"
                + "<|start|>assistant<|channel|>final<|message|>";

        OracleAnswer answer = oracle.answer(PromptText.of(new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("prompt", prompt))).orElseThrow();

        assertEquals("shapes.py", answer.file());
        assertEquals(cursor, answer.offset());
        assertEquals("pi * radius ** 2", answer.text());
        assertTrue(answer.right());
    }

    @Test
    void aWrongAnswerStartsLikeTheTruthAndThenGoesElsewhereTheSameWayEveryTime() {
        var never = new Oracle(Map.of("shapes.py", PY), 0.0, 7);
        int cursor = PY.indexOf("math.pi") + "math.".length();

        OracleAnswer first = never.answerAt("shapes.py", cursor);
        OracleAnswer again = never.answerAt("shapes.py", cursor);

        assertFalse(first.right());
        assertNotEquals(first.truth(), first.text());
        assertFalse(first.truth().startsWith(first.text()), "a wrong answer is not a prefix of the truth");
        assertEquals(first, again);
    }

    @Test
    void theShareOfRightAnswersFollowsTheAccuracy() {
        var half = new Oracle(Map.of("shapes.py", PY), 0.5, 3);
        int right = 0;
        int asked = 0;
        for (int offset = 1; offset < PY.length(); offset++) {
            OracleAnswer answer = half.answerAt("shapes.py", offset);
            if (!answer.truth().isBlank()) {
                asked++;
                right += answer.right() ? 1 : 0;
            }
        }

        assertTrue(right > asked * 0.35 && right < asked * 0.65, right + " right of " + asked);
    }

    @Test
    void noCursorInTheCorpusMeansNoAnswer() {
        var oracle = new Oracle(Map.of("shapes.py", PY), 1.0, 1);

        assertTrue(oracle.answer(new PromptText("x", "class Unrelated:\n    zzz_qqq = 1\n", "")).isEmpty());
    }
}
