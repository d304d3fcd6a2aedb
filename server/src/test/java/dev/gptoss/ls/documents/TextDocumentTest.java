package dev.gptoss.ls.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDocumentTest {

    @Test
    void incrementalEditsKeepCrlfAndEmojiExactly() {
        var document = new TextDocument("file:///a.py", "python", 1, "a = 1\r\n# 😀 x\r\nb = 2");
        // Insert after the emoji: "# 😀" is 4 UTF-16 units.
        document.applyEdit(new TextPosition(1, 4), new TextPosition(1, 4), "!");
        document.applyEdit(new TextPosition(2, 5), new TextPosition(2, 5), "\r\nc = 3");
        DocumentSnapshot snapshot = document.snapshot();
        assertEquals("a = 1\r\n# 😀! x\r\nb = 2\r\nc = 3", snapshot.text());
        assertEquals(4, snapshot.lineCount());
        assertEquals("c = 3", snapshot.lineText(3));
        assertEquals("\r\n", snapshot.lineSeparator());
    }

    @Test
    void editsSplittingAndJoiningCrLfKeepLinesRight() {
        var document = new TextDocument("file:///a.txt", "plaintext", 1, "one\r\ntwo");
        // Remove the "\n" of "\r\n": a lone "\r" is still a line end.
        document.applyEdit(new TextPosition(0, 3), new TextPosition(1, 0), "\r");
        assertEquals(2, document.snapshot().lineCount());
        document.applyEdit(new TextPosition(1, 0), new TextPosition(1, 0), "\n");
        assertEquals("one\r\ntwo", document.snapshot().text());
        assertEquals(2, document.snapshot().lineCount());
    }

    @Test
    void randomEditsMatchARebuiltIndex() {
        var random = new Random(42);
        String[] pieces = {"a", "\n", "\r\n", "\r", "😀", "  ", "x\ny", ""};
        var document = new TextDocument("file:///r.txt", "plaintext", 1, "start\nend");
        String expected = "start\nend";
        for (int i = 0; i < 2000; i++) {
            DocumentSnapshot before = document.snapshot();
            int from = addressable(expected, random.nextInt(expected.length() + 1));
            int to = addressable(expected, Math.min(expected.length(), from + random.nextInt(4)));
            String insert = pieces[random.nextInt(pieces.length)];
            document.applyEdit(before.positionOf(from), before.positionOf(to), insert);
            expected = expected.substring(0, from) + insert + expected.substring(to);
            DocumentSnapshot after = document.snapshot();
            assertEquals(expected, after.text());
            assertEquals(rebuilt(expected), lines(after), "after edit " + i);
        }
    }

    @Test
    void positionsOutsideTheDocumentAreRefusedWithAReason() {
        var snapshot = new TextDocument("file:///a.py", "python", 1, "ab\ncd").snapshot();
        var pastLine = assertThrows(PositionOutOfRangeException.class, () -> snapshot.offsetOf(new TextPosition(5, 0)));
        assertEquals("Line 5 is outside the document (2 lines): file:///a.py", pastLine.getMessage());
        assertThrows(PositionOutOfRangeException.class, () -> snapshot.offsetOf(new TextPosition(0, 3)));
        assertThrows(PositionOutOfRangeException.class, () -> snapshot.offsetOf(new TextPosition(-1, 0)));
    }

    @Test
    void aColumnInsideASurrogatePairMeansTheCharacterBeforeIt() throws Exception {
        var snapshot = new TextDocument("file:///a.py", "python", 1, "x😀y").snapshot();
        assertEquals(1, snapshot.offsetOf(new TextPosition(0, 2)));
        assertEquals(3, snapshot.offsetOf(new TextPosition(0, 3)));
    }

    @Test
    void editsPastTheEndAreClampedNotLost() {
        var document = new TextDocument("file:///a.py", "python", 1, "ab\ncd");
        document.applyEdit(new TextPosition(1, 99), new TextPosition(9, 0), "!");
        assertEquals("ab\ncd!", document.snapshot().text());
    }

    /** LSP cannot point between the two characters of a CRLF. */
    private static int addressable(String text, int offset) {
        return offset > 0 && offset < text.length() && text.charAt(offset - 1) == '\r' && text.charAt(offset) == '\n'
                ? offset - 1 : offset;
    }

    private static List<String> lines(DocumentSnapshot snapshot) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < snapshot.lineCount(); i++) {
            lines.add(snapshot.lineText(i));
        }
        return lines;
    }

    private static List<String> rebuilt(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}
