package dev.gptoss.ls.actions;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.gptoss.ls.documents.AppliedEdit;
import dev.gptoss.ls.documents.DocumentEvent;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a region a model is rewriting has moved to while the user goes on typing. An edit that
 * touches the region (or its line end) makes the model's answer stale; an edit elsewhere only moves
 * it. For an editor that sends the whole text on each change, the two texts are compared line by line.
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
            edits = differences(document.text(), event.snapshot().text());
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

    /**
     * The edits that turn {@code before} into {@code after}, line by line (a Myers diff), last first
     * so that each one's offsets still hold when it is followed: an editor that sends the whole text
     * for a keystroke above the region and another below it moved the region, it did not touch it.
     */
    private static List<AppliedEdit> differences(String before, String after) {
        List<String> oldLines = linesWithEnds(before);
        List<String> newLines = linesWithEnds(after);
        var edits = new ArrayList<AppliedEdit>();
        for (AbstractDelta<String> delta : DiffUtils.diff(oldLines, newLines).getDeltas()) {
            int start = length(oldLines, delta.getSource().getPosition());
            int oldEnd = start + length(delta.getSource().getLines(), delta.getSource().size());
            edits.add(0, new AppliedEdit(start, oldEnd, start + length(delta.getTarget().getLines(),
                    delta.getTarget().size()), null, null, null));
        }
        return edits;
    }

    private static List<String> linesWithEnds(String text) {
        var lines = new ArrayList<String>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    private static int length(List<String> lines, int count) {
        int length = 0;
        for (int i = 0; i < count; i++) {
            length += lines.get(i).length();
        }
        return length;
    }
}
