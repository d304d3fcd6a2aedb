package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.AppliedEdit;
import dev.gptoss.ls.documents.DocumentEvent;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.List;

/**
 * Where a region a model is rewriting has moved to while the user goes on typing. An edit that
 * touches the region (or its line end) makes the model's answer stale; an edit elsewhere only moves
 * it. An editor that sends the whole text on each change is handled by comparing the two texts.
 * Thread-safe: followed on the thread that applies changes, read when the answer comes.
 */
public final class TrackedRegion {
    private DocumentSnapshot document;
    private int start;
    private int end;
    private boolean touched;

    /** @param region whole lines of {@code document} */
    public TrackedRegion(DocumentSnapshot document, Span region) {
        this.document = document;
        this.start = document.lineStart(region.start().line());
        this.end = document.lineContentEnd(region.end().line());
    }

    /** Follows one change of the document; false once an edit has touched the region, or it closed. */
    public synchronized boolean follow(DocumentEvent event) {
        if (touched || event.closed()) {
            touched = true;
            return false;
        }
        List<AppliedEdit> edits = event.edits();
        if (edits.size() == 1 && edits.get(0).startOffset() == 0 && edits.get(0).oldEndOffset() == document.length()) {
            edits = List.of(difference(document, event.snapshot()));
        }
        for (AppliedEdit edit : edits) {
            if (edit.startOffset() <= end && edit.oldEndOffset() >= start) {
                touched = true;
                return false;
            }
            if (edit.oldEndOffset() < start) {
                int moved = edit.newEndOffset() - edit.oldEndOffset();
                start += moved;
                end += moved;
            }
        }
        document = event.snapshot();
        return true;
    }

    /** Whether an edit touched the region (or the document closed), which makes the answer stale. */
    public synchronized boolean touched() {
        return touched;
    }

    /** The document version the region was last followed to. */
    public synchronized DocumentSnapshot document() {
        return document;
    }

    /** The region's first line in {@link #document()}. */
    public synchronized int firstLine() {
        return document.positionOf(start).line();
    }

    /** The one edit that turns {@code before} into {@code after}: what lies between their common start and end. */
    private static AppliedEdit difference(DocumentSnapshot before, DocumentSnapshot after) {
        CharSequence a = before.content();
        CharSequence b = after.content();
        int shorter = Math.min(a.length(), b.length());
        int prefix = 0;
        while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        return new AppliedEdit(prefix, a.length() - suffix, b.length() - suffix, null, null, null);
    }
}
