package dev.gptoss.ls.context;

import java.util.List;

/**
 * Everything the prompt shows the model about one cursor: the cursor text and the context pieces
 * that fitted the budget, in prompt order (most stable first).
 */
public record PromptContext(CursorContext cursor, List<Piece> pieces, int budgetTokens, int usedTokens,
                            int cursorTokens, int fixedTokens) {

    /** A context snippet as it appears in the prompt, with its token count. */
    public record Piece(ContextSnippet snippet, String displayPath, String rendered, int tokens) {
    }

    public PromptContext {
        pieces = List.copyOf(pieces);
    }

    /** The context block that goes before the file, empty when there is none. */
    public String contextBlock() {
        if (pieces.isEmpty()) {
            return "";
        }
        var out = new StringBuilder(ContextLayout.HEADING);
        for (Piece piece : pieces) {
            out.append(piece.rendered());
        }
        return out.toString();
    }

    public static PromptContext cursorOnly(CursorContext cursor) {
        return new PromptContext(cursor, List.of(), 0, 0, 0, 0);
    }
}
