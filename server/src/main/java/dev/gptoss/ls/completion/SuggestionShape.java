package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.CodeText;
import dev.gptoss.ls.context.CursorContext;
import java.util.List;

/**
 * How much to suggest: the rest of a line; at the end of a finished line, the rest of it if the
 * model goes on with it, else the next line; or a block after a block opener.
 */
public enum SuggestionShape {
    SINGLE_LINE, NEXT_LINE, BLOCK;

    static final int MAX_BLOCK_LINES = 24;

    public static SuggestionShape at(CursorContext context) {
        if (context.cursorInsideLine()) {
            return SINGLE_LINE;
        }
        if (!context.linePrefix().isBlank()) {
            String line = context.linePrefix().stripTrailing();
            boolean argumentList = line.endsWith("(") || line.endsWith("[");
            if (argumentList) {
                return SINGLE_LINE;
            }
            return CodeText.opensBlock(line) ? BLOCK : NEXT_LINE;
        }
        List<String> above = context.previousLines();
        for (int i = above.size() - 1; i >= 0; i--) {
            if (!above.get(i).isBlank()) {
                return CodeText.opensBlock(above.get(i)) ? BLOCK : SINGLE_LINE;
            }
        }
        return SINGLE_LINE;
    }

    /** Whether text streamed so far already holds all this shape will keep, so the model can stop. */
    public boolean complete(String text, CursorContext context) {
        if (this == SINGLE_LINE || this == NEXT_LINE) {
            String code = ChatWrapping.strip(text);
            int newline = code.indexOf('\n');
            if (newline < 0 || this == SINGLE_LINE || !code.substring(0, newline).isBlank()) {
                return newline >= 0 && !code.substring(0, newline).isBlank();
            }
            // The line was finished: the next non-blank line, once it is whole.
            for (int start = newline + 1, end = code.indexOf('\n', start); end >= 0;
                    start = end + 1, end = code.indexOf('\n', start)) {
                if (!code.substring(start, end).isBlank()) {
                    return true;
                }
            }
            return false;
        }
        String[] lines = CodeText.lines(text);
        return lines.length > MAX_BLOCK_LINES + 1;
    }
}
