package dev.gptoss.ls.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.CursorFixture;
import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.context.CursorWindow;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** At the end of a finished line the suggestion is the rest of it, if the model goes on, else the next line. */
class NextLineSuggestionTest {
    private final SuggestionShaper shaper = new SuggestionShaper();

    @Test
    void aFinishedLineGetsTheNextLineAsTheModelIndentedIt() {
        String code = "def f(items):\n    total = sum(items)|\n";

        assertEquals(SuggestionShape.NEXT_LINE, SuggestionShape.at(context(code)));
        assertEquals(Optional.of("\n    return total"), shape(code, "\n    return total\n\nprint(f([1]))"));
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
