package dev.gptoss.ls.documents;

import java.util.List;

/**
 * One version of a document, immutable, safe to read from any thread. It shares its unchanged text
 * with the versions before and after it; {@link #text()} makes the whole text as one string, so
 * code on the keystroke path reads {@link #slice} and lines instead.
 */
public final class DocumentSnapshot {
    private final String uri;
    private final String languageId;
    private final int version;
    private final ChunkedText content;

    DocumentSnapshot(String uri, String languageId, int version, ChunkedText content) {
        this.uri = uri;
        this.languageId = languageId;
        this.version = version;
        this.content = content;
    }

    /** A snapshot of text that is not an open document's. */
    public static DocumentSnapshot of(String uri, String languageId, int version, String text) {
        return new DocumentSnapshot(uri, languageId, version, ChunkedText.of(text));
    }

    public String uri() {
        return uri;
    }

    public String languageId() {
        return languageId;
    }

    public int version() {
        return version;
    }

    /** The whole text, made on first use (a copy of the document). */
    public String text() {
        return content.toString();
    }

    /** The text without copying it; {@code charAt} costs a search among its chunks. */
    public CharSequence content() {
        return content;
    }

    ChunkedText chunkedText() {
        return content;
    }

    public int length() {
        return content.length();
    }

    /**
     * The text as the pieces it is kept in, in order. A piece this version shares with an earlier
     * one is the same object, so facts about a piece can be kept by identity across keystrokes.
     */
    public List<String> pieces() {
        return content.chunks();
    }

    public char charAt(int offset) {
        return content.charAt(offset);
    }

    /** The text in {@code [from, to)}. */
    public String slice(int from, int to) {
        return content.slice(from, to);
    }

    /**
     * Whether this version has {@code length} characters from {@code offset} equal to {@code other}'s
     * from {@code otherOffset}; text the two versions share is not read.
     */
    public boolean regionMatches(int offset, DocumentSnapshot other, int otherOffset, int length) {
        return content.regionMatches(offset, other.content, otherOffset, length);
    }

    public int lineCount() {
        return content.lineCount();
    }

    /** Offset of the first character of a line. */
    public int lineStart(int line) {
        return content.lineStart(line);
    }

    /** Offset of a position, which must exist: a line of the document, a column within that line. */
    public int offsetOf(TextPosition position) throws PositionOutOfRangeException {
        if (position.line() < 0 || position.line() >= lineCount()) {
            throw new PositionOutOfRangeException("Line " + position.line() + " is outside the document ("
                    + lineCount() + " lines): " + uri);
        }
        int start = lineStart(position.line());
        int length = lineContentEnd(position.line()) - start;
        if (position.character() < 0 || position.character() > length) {
            throw new PositionOutOfRangeException("Character " + position.character() + " is outside line "
                    + position.line() + " (" + length + " UTF-16 units): " + uri);
        }
        int offset = start + position.character();
        // A column between the two halves of a surrogate pair means the character before it.
        if (offset > start && offset < length() && Character.isLowSurrogate(charAt(offset))
                && Character.isHighSurrogate(charAt(offset - 1))) {
            offset--;
        }
        return offset;
    }

    public TextPosition positionOf(int offset) {
        int line = content.lineOf(offset);
        return new TextPosition(line, offset - lineStart(line));
    }

    /** Offset just after the line's last character, before its line end. */
    public int lineContentEnd(int line) {
        return content.lineContentEnd(line);
    }

    public String lineText(int line) {
        return slice(lineStart(line), lineContentEnd(line));
    }

    /** The line end this document uses most often at its start ({@code \n} when it has none). */
    public String lineSeparator() {
        int lf = content.indexOf('\n');
        if (lf > 0 && charAt(lf - 1) == '\r') {
            return "\r\n";
        }
        return lf < 0 && content.indexOf('\r') >= 0 ? "\r" : "\n";
    }

    @Override
    public String toString() {
        return "DocumentSnapshot[" + uri + " v" + version + ", " + length() + " chars]";
    }
}
