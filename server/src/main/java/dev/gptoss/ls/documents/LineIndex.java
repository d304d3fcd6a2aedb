package dev.gptoss.ls.documents;

import java.util.Arrays;

/**
 * Offsets where each line starts. LSP counts {@code \n}, {@code \r\n} and {@code \r} as line
 * ends, a {@code \r\n} being one end. Whether offset {@code p} starts a line depends only on the
 * characters at {@code p - 1} and {@code p}, so an edit re-scans just the inserted text and its
 * two borders; every other start is kept, shifted by the length change.
 */
final class LineIndex {
    private int[] starts = new int[64];
    private int count;

    LineIndex(CharSequence text) {
        add(0);
        scan(text, 1, text.length());
    }

    int lineCount() {
        return count;
    }

    /** A copy of every line's start offset. */
    int[] starts() {
        return Arrays.copyOf(starts, count);
    }

    int lineStart(int line) {
        return starts[line];
    }

    /** Line containing the offset. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** The old text's {@code [from, to)} became {@code insertedLength} characters of {@code newText} at {@code from}. */
    void replace(CharSequence newText, int from, int to, int insertedLength) {
        int delta = insertedLength - (to - from);
        int head = countBelow(from);
        int tailFrom = countBelow(to + 1);
        int[] tail = Arrays.copyOfRange(starts, tailFrom, count);
        count = head;
        if (count == 0) {
            add(0);
        }
        scan(newText, Math.max(from, 1), Math.min(from + insertedLength, newText.length()));
        if (count + tail.length > starts.length) {
            starts = Arrays.copyOf(starts, Math.max(count + tail.length, starts.length * 2));
        }
        for (int i = 0; i < tail.length; i++) {
            starts[count + i] = tail[i] + delta;
        }
        count += tail.length;
    }

    /** The end of a line's text, before its line end, given where the line and the next one start. */
    static int withoutLineEnd(CharSequence text, int lineStart, int nextLineStart) {
        int end = nextLineStart;
        while (end > lineStart && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    private void scan(CharSequence text, int first, int last) {
        for (int p = first; p <= last; p++) {
            if (startsLine(text, p)) {
                add(p);
            }
        }
    }

    private static boolean startsLine(CharSequence text, int p) {
        char before = text.charAt(p - 1);
        return before == '\n' || before == '\r' && (p == text.length() || text.charAt(p) != '\n');
    }

    private int countBelow(int offset) {
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i : -i - 1;
    }

    private void add(int start) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = start;
    }
}
