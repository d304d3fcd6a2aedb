package dev.gptoss.ls.documents;

/**
 * The server's copy of one open document. Text is kept exactly as the editor has it (CRLF
 * included); positions are LSP's: zero-based lines, UTF-16 code units, which is what a Java
 * {@code char} is. Not thread-safe: {@link DocumentStore} serialises access.
 */
public final class TextDocument {
    private final String uri;
    private final String languageId;
    private final StringBuilder text;
    private final LineIndex lines;
    private int version;
    private DocumentSnapshot snapshot;

    public TextDocument(String uri, String languageId, int version, String text) {
        this.uri = uri;
        this.languageId = languageId;
        this.version = version;
        this.text = new StringBuilder(text);
        this.lines = new LineIndex(this.text);
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    /** Replaces a range; positions past the end of a line or the document are clamped as LSP asks. */
    public AppliedEdit applyEdit(TextPosition start, TextPosition end, String newText) {
        int from = clampedOffset(start);
        int to = Math.max(from, clampedOffset(end));
        TextPosition startAt = positionOf(from);
        TextPosition oldEndAt = positionOf(to);
        text.replace(from, to, newText);
        lines.replace(text, from, to, newText.length());
        snapshot = null;
        return new AppliedEdit(from, to, from + newText.length(), startAt, oldEndAt, positionOf(from + newText.length()));
    }

    public AppliedEdit replaceAll(String newText) {
        return applyEdit(new TextPosition(0, 0), new TextPosition(Integer.MAX_VALUE, 0), newText);
    }

    public void setVersion(int version) {
        this.version = version;
        snapshot = null;
    }

    /** An immutable view of the current version, shared by every reader until the next edit. */
    public DocumentSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = new DocumentSnapshot(uri, languageId, version, text.toString(), lines.starts());
        }
        return snapshot;
    }

    private TextPosition positionOf(int offset) {
        int line = lines.lineOf(offset);
        return new TextPosition(line, offset - lines.lineStart(line));
    }

    private int clampedOffset(TextPosition position) {
        if (position.line() < 0) {
            return 0;
        }
        if (position.line() >= lines.lineCount()) {
            return text.length();
        }
        int start = lines.lineStart(position.line());
        int end = contentEnd(position.line());
        return Math.min(start + Math.max(0, position.character()), end);
    }

    private int contentEnd(int line) {
        int next = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
        return LineIndex.withoutLineEnd(text, lines.lineStart(line), next);
    }
}
