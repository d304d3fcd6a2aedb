package dev.gptoss.ls.documents;

/** A request about a document the client never opened (or already closed). */
public final class UnknownDocumentException extends Exception {
    public UnknownDocumentException(String uri) {
        super("Document is not open: " + uri);
    }
}
