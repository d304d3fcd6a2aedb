package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.CodeText;
import dev.gptoss.ls.context.CursorContext;
import java.util.List;

/** How much to suggest: the rest of a line, or a block after a block opener. */
public enum SuggestionShape {
    SINGLE_LINE, BLOCK;

    static final int MAX_BLOCK_LINES = 24;

    public static SuggestionShape at(CursorContext context) {
        if (context.cursorInsideLine()) {
            return SINGLE_LINE;
        }
        if (!context.linePrefix().isBlank()) {
            String line = context.linePrefix().stripTrailing();
            boolean argumentList = line.endsWith("(") || line.endsWith("[");
            return CodeText.opensBlock(line) && !argumentList ? BLOCK : SINGLE_LINE;
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
        if (this == SINGLE_LINE) {
            String code = ChatWrapping.strip(text);
            int newline = code.indexOf('\n');
            return newline >= 0 && !code.substring(0, newline).isBlank();
        }
        String[] lines = CodeText.lines(text);
        return lines.length > MAX_BLOCK_LINES + 1;
    }
}
