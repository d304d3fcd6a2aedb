package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.CodeText;
import dev.gptoss.ls.context.CursorContext;

/**
 * How much to suggest: the rest of a line; at the end of a finished line, the rest of it if the
 * model goes on with it, else the next line; or a block of lines. A block is offered after a block
 * opener and on any blank line, where code of any length may be missing: a perfect model's answer
 * there is kept whole, and where it ends is decided by the code around it (see SuggestionShaper).
 */
public enum SuggestionShape {
    SINGLE_LINE, NEXT_LINE, BLOCK;

    static final int MAX_BLOCK_LINES = 40;

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
        return BLOCK;
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
