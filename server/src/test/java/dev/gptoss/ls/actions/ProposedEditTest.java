package dev.gptoss.ls.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The minimal edit of a region, placed on the document, whatever its line ends and wherever the region is. */
class ProposedEditTest {

    @Test
    void onlyChangedLinesAreEditedAndTrailingWhitespaceCountsAsUnchanged() {
        var edit = new ProposedEdit(List.of("def f():  ", "    x = 1", "    return x"),
                List.of("def f():", "    x = 2", "    return x"));
        var document = DocumentSnapshot.of("file:///a.py", "python", 1, "a = 0\ndef f():  \n    x = 1\n    return x\n");
        assertEquals(List.of(new Edit(Span.of(2, 0, 2, 9), "    x = 2")), edit.edits(document, 1));
    }

    @Test
    void linesAddedAfterTheLastLineOfAFileWithoutAFinalLineEndLandAfterIt() {
        assertEquals("def f():\n    return 1\n    # done", applied("def f():\n    return 1",
                new ProposedEdit(List.of("def f():", "    return 1"), List.of("def f():", "    return 1", "    # done"))));
    }

    @Test
    void deletedLinesTakeTheirLineEndsWithThem() {
        var edit = new ProposedEdit(List.of("def f():", "    x = 1", "    return 1"), List.of("def f():", "    return 1"));
        assertEquals("def f():\n    return 1\n", applied("def f():\n    x = 1\n    return 1\n", edit));
        var last = new ProposedEdit(List.of("def f():", "    return 1", "    pass"), List.of("def f():", "    return 1"));
        assertEquals("def f():\n    return 1", applied("def f():\n    return 1\n    pass", last));
    }

    @Test
    void aWindowsDocumentGetsWindowsLineEnds() {
        var edit = new ProposedEdit(List.of("def f():", "    return 1"), List.of("def f():", "    \"\"\"One.\"\"\"", "    return 1"));
        assertEquals("def f():\r\n    \"\"\"One.\"\"\"\r\n    return 1\r\n", applied("def f():\r\n    return 1\r\n", edit));
        assertTrue(new ProposedEdit(List.of("a "), List.of("a")).changesNothing());
    }

    private static String applied(String text, ProposedEdit edit) {
        var document = TextDocument.from(DocumentSnapshot.of("file:///a.py", "python", 1, text));
        List<Edit> edits = edit.edits(document.snapshot(), 0);
        for (int i = edits.size() - 1; i >= 0; i--) {
            document.applyEdit(edits.get(i).range().start(), edits.get(i).range().end(), edits.get(i).newText());
        }
        return document.snapshot().text();
    }
}
