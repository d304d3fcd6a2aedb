package dev.gptoss.ls.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Immutable text kept as a row of chunks of a few thousand characters, each ending where a line
 * does when it can. An edit builds new chunks only around the edited range and shares every other
 * chunk with the text it came from, so each keystroke's snapshot of a large file costs a few
 * kilobytes instead of a copy of the file.
 *
 * <p>Lines are LSP's: {@code \n}, {@code \r\n} and {@code \r} end a line. A chunk never ends
 * between the {@code \r} and {@code \n} of one line end, so whether a chunk's first character
 * starts a line depends only on the previous chunk's last character.
 */
final class ChunkedText implements CharSequence {
    /** Chunks are cut at the first line end after this many characters... */
    static final int CHUNK_CHARS = 4096;
    /** ...or here when a line is longer than that. */
    static final int MAX_CHUNK_CHARS = 2 * CHUNK_CHARS;
    private static final int[] NO_STARTS = {};

    private final String[] chunks;
    /** Offset of each chunk's first character; one more entry, the length. */
    private final int[] chunkStarts;
    /** Line starts inside each chunk, relative to the chunk. */
    private final int[][] lineStarts;
    /** Number of the first line starting in each chunk; one more entry, the lines started in all. */
    private final int[] firstLines;
    /** The text ends with a line end, so an empty last line starts at its end. */
    private final boolean endStartsLine;
    /** Made on first use; two threads racing make it twice, which is harmless. */
    private String whole;
    /** Where the last lookup landed, tried first by the next: unsynchronised, as any value is a valid guess. */
    private int lastChunk;

    private ChunkedText(String[] chunks, int[][] lineStarts) {
        this.chunks = chunks;
        this.lineStarts = lineStarts;
        this.chunkStarts = new int[chunks.length + 1];
        this.firstLines = new int[chunks.length + 1];
        for (int i = 0; i < chunks.length; i++) {
            chunkStarts[i + 1] = chunkStarts[i] + chunks[i].length();
            firstLines[i + 1] = firstLines[i] + lineStarts[i].length;
        }
        String last = chunks[chunks.length - 1];
        char end = last.isEmpty() ? 0 : last.charAt(last.length() - 1);
        this.endStartsLine = end == '\n' || end == '\r';
    }

    static ChunkedText of(String text) {
        List<String> pieces = split(text);
        if (pieces.isEmpty()) {
            return new ChunkedText(new String[] {""}, new int[][] {{0}});
        }
        String[] chunks = pieces.toArray(String[]::new);
        int[][] starts = new int[chunks.length][];
        for (int i = 0; i < chunks.length; i++) {
            starts[i] = startsIn(chunks[i], i == 0 ? null : chunks[i - 1]);
        }
        return new ChunkedText(chunks, starts);
    }

    /**
     * This text with {@code [from, to)} replaced. The chunks from the one before the edit to the
     * one holding its end are rebuilt: the one before, so that an edit at a chunk's start cannot
     * join a {@code \r} and a {@code \n} across a chunk border.
     */
    ChunkedText replace(int from, int to, String inserted) {
        int first = Math.max(0, chunkAt(from) - 1);
        int last = chunkAt(to);
        // Not empty unless the whole text goes: it holds the rest of the chunk before and of the last one.
        String region = slice(chunkStarts[first], from) + inserted + slice(to, chunkStarts[last + 1]);
        List<String> rebuilt = split(region);
        if (rebuilt.isEmpty()) {
            return of("");
        }
        int count = chunks.length - (last - first + 1) + rebuilt.size();
        String[] nextChunks = new String[count];
        int[][] nextStarts = new int[count][];
        System.arraycopy(chunks, 0, nextChunks, 0, first);
        System.arraycopy(lineStarts, 0, nextStarts, 0, first);
        for (int i = 0; i < rebuilt.size(); i++) {
            String before = first + i == 0 ? null : i == 0 ? chunks[first - 1] : rebuilt.get(i - 1);
            nextChunks[first + i] = rebuilt.get(i);
            nextStarts[first + i] = startsIn(rebuilt.get(i), before);
        }
        int tail = chunks.length - last - 1;
        System.arraycopy(chunks, last + 1, nextChunks, first + rebuilt.size(), tail);
        System.arraycopy(lineStarts, last + 1, nextStarts, first + rebuilt.size(), tail);
        return new ChunkedText(nextChunks, nextStarts);
    }

    @Override
    public int length() {
        return chunkStarts[chunks.length];
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length());
        }
        int chunk = chunkAt(index);
        return chunks[chunk].charAt(index - chunkStarts[chunk]);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return slice(start, end);
    }

    /** The characters in {@code [from, to)}, copied out of the chunks they lie in. */
    String slice(int from, int to) {
        if (from < 0 || to > length() || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + "), length " + length());
        }
        int chunk = chunkAt(from);
        int chunkStart = chunkStarts[chunk];
        if (to <= chunkStarts[chunk + 1]) {
            return chunks[chunk].substring(from - chunkStart, to - chunkStart);
        }
        var out = new StringBuilder(to - from);
        for (int at = from; at < to; chunk++) {
            int end = Math.min(to, chunkStarts[chunk + 1]);
            out.append(chunks[chunk], at - chunkStarts[chunk], end - chunkStarts[chunk]);
            at = end;
        }
        return out.toString();
    }

    /** The whole text, made once per version and only when asked for. */
    @Override
    public String toString() {
        String text = whole;
        if (text == null) {
            text = chunks.length == 1 ? chunks[0] : String.join("", chunks);
            whole = text;
        }
        return text;
    }

    /** The chunks, in order; a chunk two versions share is the same object in both. */
    List<String> chunks() {
        return Collections.unmodifiableList(Arrays.asList(chunks));
    }

    int indexOf(char c) {
        for (int i = 0; i < chunks.length; i++) {
            int at = chunks[i].indexOf(c);
            if (at >= 0) {
                return chunkStarts[i] + at;
            }
        }
        return -1;
    }

    int lineCount() {
        return firstLines[chunks.length] + (endStartsLine ? 1 : 0);
    }

    int lineStart(int line) {
        if (line < 0 || line >= lineCount()) {
            throw new IndexOutOfBoundsException("line " + line + " of " + lineCount());
        }
        if (line == firstLines[chunks.length]) {
            return length();
        }
        int low = 0;
        int high = chunks.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (firstLines[mid] <= line) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return chunkStarts[low] + lineStarts[low][line - firstLines[low]];
    }

    /** Offset just after the line's last character, before its line end. */
    int lineContentEnd(int line) {
        int start = lineStart(line);
        int end = line + 1 < lineCount() ? lineStart(line + 1) : length();
        while (end > start && (charAt(end - 1) == '\n' || charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The line holding {@code offset}; the end of the text belongs to the last line. */
    int lineOf(int offset) {
        if (offset >= length()) {
            return lineCount() - 1;
        }
        int chunk = chunkAt(offset);
        int before = Arrays.binarySearch(lineStarts[chunk], offset - chunkStarts[chunk]);
        int startsUpTo = before >= 0 ? before + 1 : -before - 1;
        return firstLines[chunk] + startsUpTo - 1;
    }

    /**
     * Whether {@code length} characters from {@code offset} equal those of {@code other} from
     * {@code otherOffset}. Chunks the two texts share are skipped without being read, so comparing
     * a version with the one before it costs about the edit's size.
     */
    boolean regionMatches(int offset, ChunkedText other, int otherOffset, int length) {
        if (offset < 0 || otherOffset < 0 || offset + length > length() || otherOffset + length > other.length()) {
            return false;
        }
        int left = length;
        while (left > 0) {
            int chunk = chunkAt(offset);
            int otherChunk = other.chunkAt(otherOffset);
            int inChunk = offset - chunkStarts[chunk];
            int inOther = otherOffset - other.chunkStarts[otherChunk];
            int step = Math.min(left, Math.min(chunks[chunk].length() - inChunk,
                    other.chunks[otherChunk].length() - inOther));
            boolean shared = chunks[chunk] == other.chunks[otherChunk] && inChunk == inOther;
            if (!shared && !chunks[chunk].regionMatches(inChunk, other.chunks[otherChunk], inOther, step)) {
                return false;
            }
            offset += step;
            otherOffset += step;
            left -= step;
        }
        return true;
    }

    /** The chunk holding {@code offset}; the end of the text is in the last chunk. */
    private int chunkAt(int offset) {
        int guess = lastChunk;
        if (guess < chunks.length && chunkStarts[guess] <= offset && offset < chunkStarts[guess + 1]) {
            return guess;
        }
        if (offset >= length()) {
            return chunks.length - 1;
        }
        int found = Arrays.binarySearch(chunkStarts, 0, chunks.length, offset);
        int chunk = found >= 0 ? found : -found - 2;
        lastChunk = chunk;
        return chunk;
    }

    /** Cuts text into chunks, each ending at a line end when one comes soon enough. */
    private static List<String> split(String text) {
        var pieces = new ArrayList<String>(text.length() / CHUNK_CHARS + 1);
        int at = 0;
        while (text.length() - at > MAX_CHUNK_CHARS) {
            int cut = lineEndAfter(text, at + CHUNK_CHARS, at + MAX_CHUNK_CHARS);
            pieces.add(text.substring(at, cut));
            at = cut;
        }
        if (at < text.length()) {
            pieces.add(text.substring(at));
        }
        return pieces;
    }

    /** The first offset in {@code [from, limit]} just after a line end; else {@code limit}, kept off a CRLF's middle. */
    private static int lineEndAfter(String text, int from, int limit) {
        for (int p = from; p <= limit; p++) {
            if (startsLine(text, p)) {
                return p;
            }
        }
        return text.charAt(limit - 1) == '\r' && text.charAt(limit) == '\n' ? limit + 1 : limit;
    }

    private static boolean startsLine(String text, int p) {
        char before = text.charAt(p - 1);
        return before == '\n' || before == '\r' && (p == text.length() || text.charAt(p) != '\n');
    }

    /** Line starts in a chunk, given the chunk before it (null for the first). */
    private static int[] startsIn(String chunk, String previous) {
        int[] starts = NO_STARTS;
        int count = 0;
        char before = previous == null ? '\n' : previous.isEmpty() ? 0 : previous.charAt(previous.length() - 1);
        if (before == '\n' || before == '\r') {
            starts = new int[8];
            starts[count++] = 0;
        }
        for (int p = 1; p < chunk.length(); p++) {
            char c = chunk.charAt(p - 1);
            if (c == '\n' || c == '\r' && chunk.charAt(p) != '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, Math.max(8, count * 2));
                }
                starts[count++] = p;
            }
        }
        return count == starts.length ? starts : Arrays.copyOf(starts, count);
    }
}
