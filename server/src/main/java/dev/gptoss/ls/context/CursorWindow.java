package dev.gptoss.ls.context;

import dev.gptoss.ls.documents.DocumentSnapshot;

/**
 * Cuts the text around a cursor to a window the prompt can afford: more lines before the cursor
 * than after, since what comes before says most about what comes next.
 */
public final class CursorWindow {
    private final int maxPrefixChars;
    private final int maxSuffixChars;

    public CursorWindow(int maxPrefixChars, int maxSuffixChars) {
        this.maxPrefixChars = maxPrefixChars;
        this.maxSuffixChars = maxSuffixChars;
    }

    public static CursorWindow standard() {
        return new CursorWindow(6000, 2000);
    }

    public CursorContext around(DocumentSnapshot document, int offset) {
        var cursor = document.positionOf(offset);
        int lineStart = document.lineStart(cursor.line());
        int lineEnd = document.lineContentEnd(cursor.line());
        int prefixStart = startOfLineAtOrAfter(document, Math.max(0, offset - maxPrefixChars), lineStart);
        int suffixEnd = endOfLineAtOrBefore(document, Math.min(document.length(), offset + maxSuffixChars), lineEnd);
        return new CursorContext(
                document.uri(),
                document.languageId(),
                document.slice(prefixStart, offset),
                document.slice(offset, suffixEnd),
                document.slice(lineStart, offset),
                document.slice(offset, lineEnd),
                document.lineSeparator());
    }

    private static int startOfLineAtOrAfter(DocumentSnapshot document, int offset, int cursorLineStart) {
        int line = document.positionOf(offset).line();
        int start = document.lineStart(line);
        if (start < offset && line + 1 < document.lineCount()) {
            start = document.lineStart(line + 1);
        }
        return Math.min(start, cursorLineStart);
    }

    private static int endOfLineAtOrBefore(DocumentSnapshot document, int offset, int cursorLineEnd) {
        int line = document.positionOf(offset).line();
        int end = document.lineContentEnd(line);
        if (end > offset && line > 0) {
            end = document.lineContentEnd(line - 1);
        }
        return Math.max(end, cursorLineEnd);
    }
}
