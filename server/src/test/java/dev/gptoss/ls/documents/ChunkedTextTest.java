package dev.gptoss.ls.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Chunked text against a plain string under random edits on texts of many chunks: lines of every
 * ending, lines longer than a chunk, edits across chunk borders, pastes and deletions of thousands
 * of characters, and deleting everything.
 */
class ChunkedTextTest {
    private static final String[] PIECES = {"a", "\n", "\r\n", "\r", "😀", "  ", "x\ny", "", "\r\n\r\n", "\n\r"};

    @Test
    void randomEditsOnALargeTextMatchAPlainString() {
        var random = new Random(7);
        String expected = randomText(random, 40_000);
        var text = ChunkedText.of(expected);
        for (int i = 0; i < 3000; i++) {
            int from = random.nextInt(expected.length() + 1);
            int to = Math.min(expected.length(), from + (random.nextInt(10) == 0 ? random.nextInt(12_000)
                    : random.nextInt(6)));
            String insert = random.nextInt(20) == 0 ? randomText(random, random.nextInt(10_000))
                    : PIECES[random.nextInt(PIECES.length)];
            text = text.replace(from, to, insert);
            expected = expected.substring(0, from) + insert + expected.substring(to);
            if (i % 50 == 0 || expected.length() < 200) {
                assertSame(expected, text, "after edit " + i);
            }
        }
        assertSame(expected, text, "at the end");
    }

    @Test
    void deletingEverythingLeavesOneEmptyLine() {
        String original = randomText(new Random(3), 30_000);
        var text = ChunkedText.of(original).replace(0, original.length(), "");
        assertSame("", text, "emptied");
        assertSame("\r\n", text.replace(0, 0, "\r\n"), "then a line end typed");
    }

    @Test
    void aCrAndAnLfThatMeetAcrossADeletedStretchMakeOneLineEnd() {
        String original = "a\r" + "b".repeat(20_000) + "\nc";
        var text = ChunkedText.of(original).replace(2, 2 + 20_000, "");
        assertSame("a\r\nc", text, "joined");
    }

    @Test
    void anLfTypedAtAChunksStartAfterACrMakesOneLineEnd() {
        // The first chunk ends just after the lone \r, which ends its line.
        String original = "x".repeat(ChunkedText.CHUNK_CHARS - 1) + "\r" + "y".repeat(ChunkedText.MAX_CHUNK_CHARS);
        var text = ChunkedText.of(original);
        assertEquals(2, text.lineCount());
        var typed = text.replace(ChunkedText.CHUNK_CHARS, ChunkedText.CHUNK_CHARS, "\n");
        assertSame(original.substring(0, ChunkedText.CHUNK_CHARS) + "\n" + original.substring(ChunkedText.CHUNK_CHARS),
                typed, "after the \\n");
        assertEquals(2, typed.lineCount());
    }

    @Test
    void aLineLongerThanAChunkIsCutAnywhereButStaysOneLine() {
        String original = "start\n" + "x".repeat(3 * ChunkedText.MAX_CHUNK_CHARS) + "\r\nend";
        var text = ChunkedText.of(original);
        assertSame(original, text, "long line");
        assertEquals(3, text.lineCount());
        var edited = text.replace(ChunkedText.MAX_CHUNK_CHARS, ChunkedText.MAX_CHUNK_CHARS, "\r");
        assertEquals(4, edited.lineCount(), "a \\r typed inside it ends a line");
    }

    @Test
    void regionsThatDifferAreToldApartAndSharedOnesAreEqual() {
        String original = randomText(new Random(11), 50_000);
        var before = ChunkedText.of(original);
        int at = 25_000;
        var after = before.replace(at, at, "typed");
        assertEquals(true, after.regionMatches(0, before, 0, at));
        assertEquals(true, after.regionMatches(at + 5, before, at, original.length() - at));
        assertEquals("typed", after.slice(at, at + 5));
        var changed = before.replace(40_000, 40_001, original.charAt(40_000) == 'q' ? "r" : "q");
        assertEquals(false, changed.regionMatches(0, before, 0, original.length()));
        assertEquals(false, before.regionMatches(1, before, 0, 10));
    }

    private static void assertSame(String expected, ChunkedText text, String when) {
        assertEquals(expected.length(), text.length(), when);
        assertEquals(expected, text.toString(), when);
        List<Integer> starts = lineStarts(expected);
        assertEquals(starts.size(), text.lineCount(), when + ": line count");
        for (int line = 0; line < starts.size(); line++) {
            assertEquals(starts.get(line), text.lineStart(line), when + ": start of line " + line);
        }
        var random = new Random(expected.length());
        for (int i = 0; i < 200; i++) {
            int offset = random.nextInt(expected.length() + 1);
            assertEquals(lineOf(starts, offset), text.lineOf(offset), when + ": line of " + offset);
            int to = Math.min(expected.length(), offset + random.nextInt(9000));
            assertEquals(expected.substring(offset, to), text.slice(offset, to), when);
            if (offset < expected.length()) {
                assertEquals(expected.charAt(offset), text.charAt(offset), when);
            }
        }
        assertEquals(expected.indexOf('\n'), text.indexOf('\n'), when);
    }

    private static List<Integer> lineStarts(String text) {
        var starts = new ArrayList<Integer>(List.of(0));
        for (int p = 1; p <= text.length(); p++) {
            char before = text.charAt(p - 1);
            if (before == '\n' || before == '\r' && (p == text.length() || text.charAt(p) != '\n')) {
                starts.add(p);
            }
        }
        return starts;
    }

    private static int lineOf(List<Integer> starts, int offset) {
        int found = java.util.Collections.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 2;
    }

    private static String randomText(Random random, int length) {
        var out = new StringBuilder(length + 20);
        while (out.length() < length) {
            int kind = random.nextInt(100);
            if (kind < 2) {
                out.append("y".repeat(random.nextInt(3 * ChunkedText.MAX_CHUNK_CHARS)));
            } else {
                out.append("line ".repeat(random.nextInt(12))).append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return out.toString();
    }
}
