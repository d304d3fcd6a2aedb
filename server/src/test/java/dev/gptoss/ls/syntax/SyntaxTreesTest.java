package dev.gptoss.ls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.TextPosition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Trees of open documents hold native memory: each is freed as soon as nobody needs it any more. */
class SyntaxTreesTest {
    private static final String URI = "file:///work/shapes.py";
    private static final String TEXT = "def area(w, h):\n    return w * h\n";

    @Test
    void aReplacedTreeIsFreedAndTheLastOneWhenItsDocumentCloses() throws InterruptedException {
        var documents = new DocumentStore();
        try (var trees = new SyntaxTrees(new Grammars())) {
            documents.dispatchTo(trees::accept);
            var parsed = new CopyOnWriteArrayList<SyntaxTree>();
            var liveWhenListenedTo = new CopyOnWriteArrayList<Boolean>();
            trees.onParsed((uri, tree) -> {
                if (uri.equals(URI)) {
                    liveWhenListenedTo.add(!tree.freed() && tree.root().getChildCount() > 0);
                    parsed.add(tree);
                }
            });
            documents.open(URI, "python", 1, TEXT);
            assertTrue(trees.awaitTree(URI, 1, 5000));
            var at = new TextPosition(2, 0);
            documents.change(URI, 2, List.of(new DocumentStore.Change(at, at, "def half(x):\n    return x / 2\n")));
            assertTrue(trees.awaitTree(URI, 2, 5000));
            awaitParsingThread(trees, documents, "file:///work/a.py");

            assertEquals(List.of(1, 2), parsed.stream().map(SyntaxTree::version).toList());
            assertEquals(List.of(true, true), liveWhenListenedTo, "listeners get a live tree");
            assertTrue(parsed.get(0).freed(), "the tree of version 1 is freed once version 2's replaces it");
            assertFalse(parsed.get(1).freed(), "the current tree stays");

            documents.close(URI);
            awaitParsingThread(trees, documents, "file:///work/b.py");
            assertTrue(parsed.get(1).freed(), "a closed document's tree is freed");
        }
    }

    @Test
    void aReaderKeepsTheTreeItWasHandedUntilItClosesIt() throws InterruptedException {
        var documents = new DocumentStore();
        try (var trees = new SyntaxTrees(new Grammars())) {
            documents.dispatchTo(trees::accept);
            documents.open(URI, "python", 1, TEXT);
            assertTrue(trees.awaitTree(URI, 1, 5000));
            SyntaxTree held = trees.treeOf(DocumentSnapshot.of(URI, "python", 1, TEXT)).orElseThrow();
            assertEquals(1, held.version());

            var at = new TextPosition(2, 0);
            documents.change(URI, 2, List.of(new DocumentStore.Change(at, at, "x = 1\n")));
            assertTrue(trees.awaitTree(URI, 2, 5000));
            awaitParsingThread(trees, documents, "file:///work/c.py");
            assertFalse(held.freed(), "replaced, but still held by its reader");
            assertEquals("module", held.root().getType());

            held.close();
            assertTrue(held.freed(), "freed when its last holder lets go");
            assertThrows(IllegalStateException.class, held::root, "a freed tree is never read");
        }
    }

    /** Opens another document and waits for its parse: what was handed to the parsing thread before is done. */
    private static void awaitParsingThread(SyntaxTrees trees, DocumentStore documents, String uri) throws InterruptedException {
        var done = new CountDownLatch(1);
        trees.onParsed((parsedUri, tree) -> {
            if (parsedUri.equals(uri)) {
                done.countDown();
            }
        });
        documents.open(uri, "python", 1, "x = 1\n");
        assertTrue(done.await(5, TimeUnit.SECONDS));
    }
}
