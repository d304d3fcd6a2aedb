package dev.gptoss.ls.actions;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's rewrite of a region of whole lines, kept as the minimal change: the lines it changes,
 * not the whole region, so the lines it leaves alone keep their history (blame, undo, breakpoints).
 * Lines that differ only in trailing whitespace count as unchanged and keep the document's text.
 * It is placed on whichever version of the document holds the region's lines unchanged.
 *
 * @param original the region's lines when the model was asked
 * @param replacement the lines the model meant instead
 */
public record ProposedEdit(List<String> original, List<String> replacement) {

    /** Lines {@code [from, to)} of the region become {@code lines}; from == to inserts before line {@code from}. */
    record Hunk(int from, int to, List<String> lines) {
    }

    public ProposedEdit {
        original = List.copyOf(original);
        replacement = List.copyOf(replacement);
    }

    List<Hunk> hunks() {
        var hunks = new ArrayList<Hunk>();
        for (AbstractDelta<String> delta : DiffUtils.diff(original, replacement,
                (a, b) -> a.stripTrailing().equals(b.stripTrailing())).getDeltas()) {
            int from = delta.getSource().getPosition();
            hunks.add(new Hunk(from, from + delta.getSource().size(), delta.getTarget().getLines()));
        }
        return hunks;
    }

    /** Whether the model's lines are the region's own (apart from trailing whitespace). */
    public boolean changesNothing() {
        return hunks().isEmpty();
    }

    /** The region's text with the replacement, joined with {@code separator}. */
    String replacementText(String separator) {
        return String.join(separator, replacement);
    }

    /**
     * The edits, as positions of {@code document}, whose region now starts at {@code firstLine}
     * (its lines must be the ones the model was given).
     */
    public List<Edit> edits(DocumentSnapshot document, int firstLine) {
        String separator = document.lineSeparator();
        int lastLine = firstLine + original.size() - 1;
        var edits = new ArrayList<Edit>();
        for (Hunk hunk : hunks()) {
            int from = firstLine + hunk.from();
            int to = firstLine + hunk.to();
            String text = String.join(separator, hunk.lines());
            if (hunk.from() == hunk.to()) {
                edits.add(from <= lastLine
                        ? new Edit(Span.of(from, 0, from, 0), text + separator)
                        : new Edit(Span.of(lastLine, end(document, lastLine), lastLine, end(document, lastLine)),
                                separator + text));
            } else if (!hunk.lines().isEmpty()) {
                edits.add(new Edit(Span.of(from, 0, to - 1, end(document, to - 1)), text));
            } else if (to < document.lineCount()) {
                edits.add(new Edit(Span.of(from, 0, to, 0), ""));
            } else if (from > 0) {
                edits.add(new Edit(Span.of(from - 1, end(document, from - 1), to - 1, end(document, to - 1)), ""));
            } else {
                edits.add(new Edit(Span.of(0, 0, to - 1, end(document, to - 1)), ""));
            }
        }
        return edits;
    }

    private static int end(DocumentSnapshot document, int line) {
        return document.lineContentEnd(line) - document.lineStart(line);
    }
}
