package dev.gptoss.ls.documents;

/** A position that does not exist in the document's current text. */
public final class PositionOutOfRangeException extends Exception {
    public PositionOutOfRangeException(String message) {
        super(message);
    }
}
