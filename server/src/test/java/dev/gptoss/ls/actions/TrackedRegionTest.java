package dev.gptoss.ls.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.DocumentEvent;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.TextPosition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A region being rewritten while the user types: moved by edits elsewhere, stale after edits in it. */
class TrackedRegionTest {
    private static final String URI = "file:///t.py";
    private static final String TEXT = "import os\n\ndef f():\n    return 1\n\ndef g():\n    return 2\n";
    /** Lines 2-3, {@code def f} */
    private static final Span F = Span.of(2, 0, 3, 12);

    private final DocumentStore store = new DocumentStore();
    private final List<DocumentEvent> events = new ArrayList<>();

    TrackedRegionTest() {
        store.dispatchTo(events::add);
        store.open(URI, "python", 1, TEXT);
    }

    @Test
    void editsAboveMoveItAndEditsBelowLeaveIt() {
        var region = new TrackedRegion(store.find(URI).orElseThrow(), F);
        assertTrue(follow(region, 2, at(0, 0), at(0, 0), "import sys\n"));
        assertTrue(follow(region, 3, at(7, 0), at(7, 12), "    return 3"));
        assertTrue(follow(region, 4, at(1, 0), at(1, 0), "x"));
        assertEquals(3, region.firstLine());
        assertEquals(4, region.document().version());
        assertEquals("def f():", region.document().lineText(region.firstLine()));
    }

    @Test
    void anEditInsideOrTouchingItMakesItStale() {
        assertFalse(follow(new TrackedRegion(store.find(URI).orElseThrow(), F), 2, at(3, 11), at(3, 12), "2"));
        assertFalse(follow(new TrackedRegion(store.find(URI).orElseThrow(), F), 3, at(2, 0), at(2, 0), "async "));
        // Joining the line after the region onto its last line touches the region's end.
        var region = new TrackedRegion(store.find(URI).orElseThrow(), F);
        assertFalse(follow(region, 4, at(3, 12), at(4, 0), ""));
        assertTrue(region.touched());
    }

    @Test
    void aWholeTextChangeIsComparedToFindWhatChanged() {
        var region = new TrackedRegion(store.find(URI).orElseThrow(), F);
        store.change(URI, 2, List.of(DocumentStore.Change.wholeText("# top\n" + TEXT + "# end\n")));
        assertTrue(region.follow(events.get(events.size() - 1)));
        assertEquals(3, region.firstLine());
        store.change(URI, 3, List.of(DocumentStore.Change.wholeText(("# top\n" + TEXT).replace("return 1", "return 9"))));
        assertFalse(region.follow(events.get(events.size() - 1)));
    }

    @Test
    void closingTheDocumentMakesItStale() {
        var region = new TrackedRegion(store.find(URI).orElseThrow(), F);
        store.close(URI);
        assertFalse(region.follow(events.get(events.size() - 1)));
    }

    private boolean follow(TrackedRegion region, int version, TextPosition start, TextPosition end, String text) {
        store.change(URI, version, List.of(new DocumentStore.Change(start, end, text)));
        return region.follow(events.get(events.size() - 1));
    }

    private static TextPosition at(int line, int character) {
        return new TextPosition(line, character);
    }
}
