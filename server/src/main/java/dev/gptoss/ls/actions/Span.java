package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.TextPosition;

/** A range of a document in LSP terms (zero-based lines, UTF-16 columns), end exclusive. */
public record Span(TextPosition start, TextPosition end) {

    public static Span of(int startLine, int startCharacter, int endLine, int endCharacter) {
        return new Span(new TextPosition(startLine, startCharacter), new TextPosition(endLine, endCharacter));
    }

    /** Whether the two ranges share a character, or touch when either is empty. */
    public boolean touches(Span other) {
        return compare(start, other.end) <= 0 && compare(other.start, end) <= 0;
    }

    static int compare(TextPosition a, TextPosition b) {
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.character(), b.character());
    }
}
