package dev.gptoss.ls.documents;

/**
 * One version of a document, immutable, safe to read from any thread.
 *
 * @param lineStarts offset of the first character of each line
 */
public record DocumentSnapshot(String uri, String languageId, int version, String text, int[] lineStarts) {

    public int lineCount() {
        return lineStarts.length;
    }

    /** Offset of a position, which must exist: a line of the document, a column within that line. */
    public int offsetOf(TextPosition position) throws PositionOutOfRangeException {
        if (position.line() < 0 || position.line() >= lineCount()) {
            throw new PositionOutOfRangeException("Line " + position.line() + " is outside the document ("
                    + lineCount() + " lines): " + uri);
        }
        int start = lineStarts[position.line()];
        int length = lineContentEnd(position.line()) - start;
        if (position.character() < 0 || position.character() > length) {
            throw new PositionOutOfRangeException("Character " + position.character() + " is outside line "
                    + position.line() + " (" + length + " UTF-16 units): " + uri);
        }
        int offset = start + position.character();
        // A column between the two halves of a surrogate pair means the character before it.
        if (offset > start && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))
                && Character.isHighSurrogate(text.charAt(offset - 1))) {
            offset--;
        }
        return offset;
    }

    public TextPosition positionOf(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        line = line >= 0 ? line : -line - 2;
        return new TextPosition(line, offset - lineStarts[line]);
    }

    /** Offset just after the line's last character, before its line end. */
    public int lineContentEnd(int line) {
        int next = line + 1 < lineCount() ? lineStarts[line + 1] : text.length();
        return LineIndex.withoutLineEnd(text, lineStarts[line], next);
    }

    public String lineText(int line) {
        return text.substring(lineStarts[line], lineContentEnd(line));
    }

    /** The line end this document uses most often at its start ({@code \n} when it has none). */
    public String lineSeparator() {
        int lf = text.indexOf('\n');
        if (lf > 0 && text.charAt(lf - 1) == '\r') {
            return "\r\n";
        }
        return lf < 0 && text.indexOf('\r') >= 0 ? "\r" : "\n";
    }
}
