package dev.gptoss.ls.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gptoss.ls.CursorFixture;
import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.context.CursorWindow;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionShaperTest {
    private final SuggestionShaper shaper = new SuggestionShaper();

    @Test
    void midLineSuggestionIsOneLineWithoutTheTextAfterTheCursor() {
        assertEquals(Optional.of("a, b"), shape("total = add(|)\n", "a, b)\nprint(total)"));
    }

    @Test
    void blockAfterAnOpenerIsReindentedToTheBody() {
        String code = "class Calc:\n    def add(self, a, b):\n        |\n";
        assertEquals(Optional.of("total = a + b\n        return total"),
                shape(code, "total = a + b\nreturn total"));
        assertEquals(SuggestionShape.BLOCK, SuggestionShape.at(context(code)));
    }

    @Test
    void blockStopsWhereTheModelLeavesTheBlock() {
        String code = "def add(a, b):\n    |\n";
        assertEquals(Optional.of("return a + b"), shape(code, "    return a + b\n\ndef sub(a, b):\n    return a - b"));
    }

    @Test
    void blockAtTheEndOfAnOpenerLineStartsOnANewLine() {
        String code = "function add(a, b) {|\n";
        assertEquals(Optional.of("\n    return a + b;\n}"), shape(code, "\n  return a + b;\n}"));
    }

    @Test
    void closingBraceTheDocumentAlreadyHasIsNotRepeated() {
        String code = "function add(a, b) {\n    |\n}\n";
        assertEquals(Optional.of("return a + b;"), shape(code, "return a + b;\n}"));
    }

    @Test
    void chatWrappingAndCursorMarkerAreRemoved() {
        String code = "def add(a, b):\n    return |\n";
        assertEquals(Optional.of("a + b"), shape(code, "Here is the completion:\n```python\na + b<CURSOR>\n```"));
    }

    @Test
    void echoOfTheTypedLineIsRemoved() {
        assertEquals(Optional.of(" a + b"), shape("def f(a, b):\n    return|\n", "return a + b"));
    }

    @Test
    void aStatementThatStandsAboveIsStillSuggested() {
        String code = "def check(x):\n    if x < 0:\n        return False\n    if x > 9:\n        |\n    return True\n";
        assertEquals(Optional.of("return False"), shape(code, "return False"));
    }

    @Test
    void linesTheFileHasRightAfterTheCursorAreDropped() {
        String code = "def total(xs):\n    t = 0\n    |\n    return t\n";
        assertEquals(Optional.of("for x in xs:\n        t += x"), shape(code, "for x in xs:\n        t += x\n    return t"));
        assertEquals(Optional.empty(), shape(code, "return t"));
    }

    @Test
    void anEmptyLineAtColumnOneInsideAFunctionKeepsTheModelsIndentation() {
        String code = "def scale(value, factor):\n    \"\"\"Multiply value by factor.\"\"\"\n    if factor == 0:\n"
                + "        return 0\n    value = value * factor\n|\n";
        assertEquals(Optional.of("    return value"), shape(code, "    return value"));
    }

    @Test
    void aBlockAnsweredWithTheFilesColumnsIsNotIndentedTwice() {
        String code = "def pairs(xs):\n    for a in xs:\n        |\n";
        assertEquals(Optional.of("for b in xs:\n            yield a, b"),
                shape(code, "        for b in xs:\n            yield a, b"));
        assertEquals(Optional.of("for b in xs:\n            yield a, b"), shape(code, "for b in xs:\n            yield a, b"));
        assertEquals(Optional.of("for b in xs:\n            yield a, b"), shape(code, "for b in xs:\n    yield a, b"));
    }

    @Test
    void aBlankLineInsideBracketsTakesTheModelsLinesAsTheyAre() {
        String code = "SIZES = [\n    1,\n|\n]\n";
        assertEquals(Optional.of("    2,\n    3,"), shape(code, "    2,\n    3,"));
    }

    @Test
    void emptyAndWhitespaceSuggestionsAreDropped() {
        assertEquals(Optional.empty(), shape("x = |\n", "   \n  "));
    }

    @Test
    void crlfDocumentsGetCrlfSuggestions() {
        String code = "def add(a, b):\r\n    |\r\n";
        assertEquals(Optional.of("total = a + b\r\n    return total"), shape(code, "total = a + b\nreturn total"));
    }

    @Test
    void emojiBeforeTheCursorDoesNotShiftTheSuggestion() {
        assertEquals(Optional.of("\"😀 done\")"), shape("print(\"😀 start\")\nprint(|\n", "\"😀 done\")"));
    }

    @Test
    void aFinishedLineGetsTheNextLineAsTheModelIndentedIt() {
        String code = "def f(items):\n    total = sum(items)|\n";

        assertEquals(SuggestionShape.NEXT_LINE, SuggestionShape.at(context(code)));
        assertEquals(Optional.of("\n    return total"), shape(code, "\n    return total\n\nprint(f([1]))"));
    }

    @Test
    void aNextLineSentWithoutItsIndentationGoesInTheBlock() {
        String code = "def f(items):\n    total = sum(items)|\n";

        assertEquals(Optional.of("\n    return total"), shape(code, "\nreturn total"));
        assertEquals(Optional.of("\n    print(total)"), shape(code + "    return total\n", "\nprint(total)"),
                "between two statements of the function");
        assertEquals(Optional.of("\n\ndef g():"), shape("def f():\n    return 1|\n", "\n\ndef g():"),
                "a dedent the model meant stays");
    }

    @Test
    void theModelGoingOnWithTheLineGivesTheRestOfTheLine() {
        assertEquals(Optional.of(" * 2"), shape("x = sum(items)|\n", " * 2\ny = x"));
    }

    @Test
    void aNextLineTheDocumentAlreadyHasIsNotSuggested() {
        assertEquals(Optional.empty(), shape("x = 1|\ny = 2\n", "\ny = 2"));
    }

    @Test
    void blankLinesBeforeTheNextLineAreKeptUpToTwo() {
        assertEquals(Optional.of("\n\n\ndef g():"), shape("x = 1|\n", "\n\n\n\n\ndef g():\n    pass"));
    }

    @Test
    void theModelMayStopOnceTheNextLineIsWhole() {
        CursorContext context = context("x = 1|\n");

        assertFalse(SuggestionShape.NEXT_LINE.complete("\n\ny = ", context));
        assertTrue(SuggestionShape.NEXT_LINE.complete("\n\ny = 2\n", context));
        assertTrue(SuggestionShape.NEXT_LINE.complete(" + 1\n", context), "the line went on and ended");
    }

    private Optional<String> shape(String marked, String modelText) {
        CursorContext context = context(marked);
        return shaper.shape(modelText, context, SuggestionShape.at(context));
    }

    private static CursorContext context(String marked) {
        var fixture = CursorFixture.of(marked);
        return CursorWindow.standard().around(fixture.snapshot("python"), fixture.offset());
    }
}
