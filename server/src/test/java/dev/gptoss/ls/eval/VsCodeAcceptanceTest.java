package dev.gptoss.ls.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.StringValue;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

class VsCodeAcceptanceTest {
    private static final EditorState ON_BLANK_LINE = new EditorState("def f(x):\n    \n    return x\n", 1, 4);

    @Test
    void aStringReplacesItsRangeAndKeepsEverythingAfterIt() {
        var item = item(Either.forLeft("x += 1"), range(1, 4, 1, 4));
        assertEquals("def f(x):\n    x += 1\n    return x\n", VsCodeAcceptance.accept(ON_BLANK_LINE, item));
    }

    @Test
    void aRangeFromTheLineStartReplacesTheTypedIndentation() {
        var item = item(Either.forLeft("        x += 1"), range(1, 0, 1, 4));
        assertEquals("def f(x):\n        x += 1\n    return x\n", VsCodeAcceptance.accept(ON_BLANK_LINE, item));
    }

    @Test
    void withoutARangeTheRestOfTheLineIsReplaced() {
        var state = new EditorState("total = add(1, 2) + 3\n", 0, 12);
        var item = new InlineCompletionItem();
        item.setInsertText(Either.forLeft("1, 2)"));
        assertEquals("total = add(1, 2)\n", VsCodeAcceptance.accept(state, item));
    }

    @Test
    void aSnippetIsIndentedLikeItsLineAfterItsFirstLine() {
        var item = item(Either.forRight(new StringValue("snippet", "if x:\n    ${1:pass}\n$0")), range(1, 4, 1, 4));
        assertEquals("def f(x):\n    if x:\n        pass\n    \n    return x\n", VsCodeAcceptance.accept(ON_BLANK_LINE, item));
    }

    @Test
    void aSnippetOfPlainTextIsInsertedAsAString() {
        var item = item(Either.forRight(new StringValue("snippet", "if x:\n    y = \\$1")), range(1, 4, 1, 4));
        assertEquals("def f(x):\n    if x:\n    y = $1\n    return x\n", VsCodeAcceptance.accept(ON_BLANK_LINE, item));
    }

    @Test
    void snippetTextKeepsPlaceholdersDefaultsAndFirstChoices() {
        assertEquals(new SnippetText("f(a, b) c", false), SnippetText.parse("f(${1:a}, ${2|b,c|}) ${TM_X:c}$0"));
        assertEquals(new SnippetText("$x } \\", true), SnippetText.parse("\\$x \\} \\\\"));
    }

    private static InlineCompletionItem item(Either<String, StringValue> text, Range range) {
        var item = new InlineCompletionItem();
        item.setInsertText(text);
        item.setRange(range);
        return item;
    }

    private static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }
}
