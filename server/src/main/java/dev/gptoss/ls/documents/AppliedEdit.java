package dev.gptoss.ls.documents;

/**
 * One edit as it was applied to a document: UTF-16 offsets and positions before ({@code start},
 * {@code oldEnd}) and after ({@code newEnd}) the change. Enough for an incremental parser to move
 * its old tree along; the document layer itself knows nothing of parsers.
 */
public record AppliedEdit(int startOffset, int oldEndOffset, int newEndOffset,
                          TextPosition start, TextPosition oldEnd, TextPosition newEnd) {
}
