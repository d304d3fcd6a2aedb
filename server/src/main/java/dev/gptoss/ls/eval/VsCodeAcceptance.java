package dev.gptoss.ls.eval;

import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * What the document holds after the user accepts an inline completion in VS Code (1.9x, through
 * vscode-languageclient). An item without a range replaces from the cursor (or the start of the word
 * under it) to the end of the line. A plain-string {@code insertText} replaces the range as it is. A
 * snippet that is only text is treated like a string; any other snippet replaces the range with
 * nothing and is then inserted by the snippet controller, which indents every line after the first
 * by the whitespace before the insertion point on its line, with tabs as four spaces.
 */
public final class VsCodeAcceptance {
    private static final String FOUR_SPACES = "    ";

    private VsCodeAcceptance() {
    }

    /** The text after accepting {@code item}, offered at the cursor of {@code before}. */
    public static String accept(EditorState before, InlineCompletionItem item) {
        String text = before.text();
        Range range = item.getRange() != null ? item.getRange() : defaultRange(before);
        int start = offset(text, range.getStart());
        int end = offset(text, range.getEnd());
        String insert;
        if (item.getInsertText().isLeft()) {
            insert = item.getInsertText().getLeft();
        } else {
            SnippetText snippet = SnippetText.parse(item.getInsertText().getRight().getValue());
            insert = snippet.onlyText() ? snippet.text() : indentedLikeTheLine(snippet.text(), text, start);
        }
        return text.substring(0, start) + insert + text.substring(end);
    }

    /** VS Code's default range: from the start of the word at the cursor (or the cursor) to the end of the line. */
    private static Range defaultRange(EditorState state) {
        String line = lineAt(state.text(), state.line());
        int from = state.character();
        while (from > 0 && isWordChar(line.charAt(from - 1))) {
            from--;
        }
        boolean inWord = from < state.character() || (state.character() < line.length() && isWordChar(line.charAt(state.character())));
        int start = inWord ? from : state.character();
        return new Range(new Position(state.line(), start), new Position(state.line(), line.length()));
    }

    /** The snippet controller's adjustment: lines after the first get the insertion line's leading whitespace. */
    private static String indentedLikeTheLine(String snippet, String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        String before = text.substring(lineStart, at);
        String lineIndent = before.substring(0, before.length() - before.stripLeading().length());
        String[] lines = snippet.split("\r\n|\r|\n", -1);
        var out = new StringBuilder(normalized(lines[0]));
        for (int i = 1; i < lines.length; i++) {
            out.append('\n').append(normalized(lineIndent + lines[i]));
        }
        return out.toString();
    }

    private static String normalized(String line) {
        String rest = line.stripLeading();
        String indent = line.substring(0, line.length() - rest.length());
        return indent.replace("\t", FOUR_SPACES) + rest;
    }

    private static int offset(String text, Position position) {
        int lineStart = 0;
        for (int line = 0; line < position.getLine(); line++) {
            int newline = text.indexOf('\n', lineStart);
            if (newline < 0) {
                throw new IllegalArgumentException("line " + position.getLine() + " is past the end of the document");
            }
            lineStart = newline + 1;
        }
        int lineEnd = text.indexOf('\n', lineStart);
        int length = (lineEnd < 0 ? text.length() : lineEnd) - lineStart;
        if (position.getCharacter() > length) {
            throw new IllegalArgumentException("character " + position.getCharacter() + " is past the end of line "
                    + position.getLine());
        }
        return lineStart + position.getCharacter();
    }

    private static String lineAt(String text, int line) {
        int start = offset(text, new Position(line, 0));
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
