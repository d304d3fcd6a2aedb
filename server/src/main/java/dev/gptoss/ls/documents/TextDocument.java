package dev.gptoss.ls.documents;

/**
 * The server's copy of one open document. Text is kept exactly as the editor has it (CRLF
 * included); positions are LSP's: zero-based lines, UTF-16 code units, which is what a Java
 * {@code char} is. Not thread-safe: {@link DocumentStore} serialises access.
 */
public final class TextDocument {
    private final String uri;
    private final String languageId;
    private ChunkedText text;
    private int version;
    private DocumentSnapshot snapshot;

    public TextDocument(String uri, String languageId, int version, String text) {
        this.uri = uri;
        this.languageId = languageId;
        this.version = version;
        this.text = ChunkedText.of(text);
    }

    private TextDocument(DocumentSnapshot snapshot) {
        this.uri = snapshot.uri();
        this.languageId = snapshot.languageId();
        this.version = snapshot.version();
        this.text = snapshot.chunkedText();
    }

    /** A document that starts as this snapshot, sharing its text. */
    public static TextDocument from(DocumentSnapshot snapshot) {
        return new TextDocument(snapshot);
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
        text = text.replace(from, to, newText);
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
            snapshot = new DocumentSnapshot(uri, languageId, version, text);
        }
        return snapshot;
    }

    private TextPosition positionOf(int offset) {
        int line = text.lineOf(offset);
        return new TextPosition(line, offset - text.lineStart(line));
    }

    private int clampedOffset(TextPosition position) {
        if (position.line() < 0) {
            return 0;
        }
        if (position.line() >= text.lineCount()) {
            return text.length();
        }
        int start = text.lineStart(position.line());
        return Math.min(start + Math.max(0, position.character()), text.lineContentEnd(position.line()));
    }
}
