package dev.gptoss.ls.syntax;

import dev.gptoss.ls.documents.AppliedEdit;
import dev.gptoss.ls.documents.DocumentEvent;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.treesitter.TSLanguage;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSRange;
import org.treesitter.TSTree;

/**
 * A syntax tree per open document, re-parsed incrementally after each change on one background
 * thread. Parsing a large file takes longer than a keystroke, so readers get the newest finished
 * tree, which may trail the document by the edits still being parsed; changes that arrive during
 * a parse are folded into the next one.
 *
 * <p>Each open document's tree is freed ({@link SyntaxTree#close}) once a newer one replaced it and
 * its listeners have seen that one, or once the document closes, and no reader holds it any more:
 * typing makes a tree per pause, whose native memory would otherwise wait for a garbage collection.
 */
public final class SyntaxTrees implements DocumentTrees, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SyntaxTrees.class.getName());

    private final Grammars grammars;
    /** Between two parses of one document, at least this long and twice the last parse's time. */
    private static final long MIN_PARSE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * A keystroke is followed at once by a completion request, which must not share the CPU with a
     * parse: after an edit the parse waits this long, into the time the model takes to answer.
     */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How long a reader of one version waits for its parse before parsing it itself. */
    private static final long AWAIT_KEPT_TREE_MS = 1000;

    private final ScheduledExecutorService parsing = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gptoss-syntax");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, TSQuery> queries = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, SyntaxTree>> parsedListeners = new CopyOnWriteArrayList<>();

    public SyntaxTrees(Grammars grammars) {
        this.grammars = grammars;
    }

    /** Parses text that is not (necessarily) an open document; empty when the language has no grammar. */
    public Optional<SyntaxTree> parse(String languageId, String text) {
        return parse(languageId, -1, text);
    }

    private Optional<SyntaxTree> parse(String languageId, int version, String text) {
        return grammars.forLanguage(languageId).map(language -> new SyntaxTree(languageId, version, text,
                Utf16Parsing.parse(language, text, null), grammars.kinds(languageId).orElseThrow()));
    }

    /**
     * The tree of exactly this version: the one kept for an open document, waited for a while
     * if its parse is under way, else a tree parsed now (and not kept). The caller closes it.
     */
    @Override
    public Optional<SyntaxTree> treeOf(DocumentSnapshot document) {
        if (!Grammars.known(document.languageId())) {
            return Optional.empty();
        }
        awaitTree(document.uri(), document.version(), AWAIT_KEPT_TREE_MS);
        Entry entry = entries.get(document.uri());
        if (entry != null) {
            synchronized (entry) {
                SyntaxTree kept = entry.tree;
                if (kept != null && kept.version() == document.version()
                        && kept.languageId().equals(document.languageId()) && kept.hold()) {
                    return Optional.of(kept);
                }
            }
        }
        return parse(document.languageId(), document.version(), document.text());
    }

    @Override
    public Grammars grammars() {
        return grammars;
    }

    /** Waits at most {@code maxMillis} for the tree of {@code version} (or newer); true when it is there. */
    public boolean awaitTree(String uri, int version, long maxMillis) {
        Entry entry = entries.get(uri);
        if (entry == null) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        synchronized (entry) {
            while ((entry.tree == null || entry.tree.version() < version) && entry.parsePending) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(entry, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return entry.tree != null && entry.tree.version() >= version;
        }
    }

    /** Called on the parsing thread with each new tree of an open document. */
    public void onParsed(BiConsumer<String, SyntaxTree> listener) {
        parsedListeners.add(listener);
    }

    public boolean hasErrors(SyntaxTree tree) {
        return tree.hasErrors();
    }

    /** Runs a query over the whole tree; captures in document order of their matches. */
    public List<QueryCapture> query(SyntaxTree tree, String query) {
        return query(tree, query, 0, tree.text().length());
    }

    /** Runs a query over the nodes that intersect {@code [startOffset, endOffset)}. */
    public List<QueryCapture> query(SyntaxTree tree, String query, int startOffset, int endOffset) {
        TSLanguage language = tree.tree().getLanguage();
        TSQuery compiled = queries.computeIfAbsent(tree.languageId() + "\u0000" + query,
                key -> new TSQuery(language, query));
        try (var cursor = new TSQueryCursor()) {
            cursor.setByteRange(startOffset * 2, endOffset * 2);
            cursor.exec(compiled, tree.root());
            var captures = new ArrayList<QueryCapture>();
            var match = new TSQueryMatch();
            int matchNumber = 0;
            while (cursor.nextMatch(match)) {
                for (TSQueryCapture capture : match.getCaptures()) {
                    captures.add(new QueryCapture(matchNumber, compiled.getCaptureNameForId(capture.getIndex()),
                            capture.getNode(), SyntaxTree.startOffset(capture.getNode()),
                            SyntaxTree.endOffset(capture.getNode())));
                }
                matchNumber++;
            }
            return captures;
        }
    }

    /** Feed from {@code DocumentStore.onEvent}; cheap, the parse happens on the parsing thread. */
    public void accept(DocumentEvent event) {
        if (event.closed()) {
            Entry closed = entries.remove(event.uri());
            if (closed != null) {
                try {
                    parsing.execute(() -> closeTree(closed));
                } catch (RejectedExecutionException e) {
                    // stopped: left to the collector
                }
            }
            return;
        }
        DocumentSnapshot snapshot = event.snapshot();
        if (!Grammars.known(snapshot.languageId())) {
            return;
        }
        Entry entry = entries.computeIfAbsent(event.uri(), uri -> new Entry());
        synchronized (entry) {
            if (event.opened()) {
                entry.fresh = true;
                entry.pendingEdits.clear();
            } else {
                entry.pendingEdits.addAll(event.edits());
            }
            entry.latest = snapshot;
            if (!entry.parsePending) {
                entry.parsePending = true;
                scheduleParse(event.uri(), entry);
            }
        }
    }

    /**
     * While the user types, parsing every keystroke of a large file would keep a core busy: the
     * outline may trail by a few keystrokes, so parses of one document are spaced out.
     */
    private void scheduleParse(String uri, Entry entry) {
        long gap = Math.max(MIN_PARSE_GAP_NANOS, 2 * entry.lastParseNanos);
        long wait = entry.lastParseEnd == 0 ? 0
                : Math.max(SETTLE_NANOS, entry.lastParseEnd + gap - System.nanoTime());
        parsing.schedule(() -> reparse(uri, entry), wait, TimeUnit.NANOSECONDS);
    }

    private void reparse(String uri, Entry entry) {
        long started = System.nanoTime();
        DocumentSnapshot snapshot;
        List<AppliedEdit> edits;
        boolean fresh;
        SyntaxTree previous;
        synchronized (entry) {
            snapshot = entry.latest;
            edits = List.copyOf(entry.pendingEdits);
            fresh = entry.fresh || entry.tree == null;
            previous = entry.tree;
            entry.pendingEdits.clear();
            entry.fresh = false;
        }
        SyntaxTree next = null;
        try {
            Optional<TSLanguage> language = grammars.forLanguage(snapshot.languageId());
            if (language.isPresent()) {
                TSTree old = null;
                try {
                    if (!fresh) {
                        old = previous.tree().copy();
                        for (AppliedEdit edit : edits) {
                            old.edit(Utf16Parsing.toInputEdit(edit));
                        }
                    }
                    String text = snapshot.text();
                    TSTree parsed = Utf16Parsing.parse(language.get(), text, old);
                    NodeKinds kinds = grammars.kinds(snapshot.languageId()).orElseThrow();
                    next = fresh ? new SyntaxTree(snapshot.languageId(), snapshot.version(), text, parsed, kinds)
                            : new SyntaxTree(snapshot.languageId(), snapshot.version(), text, parsed, kinds, previous,
                                    damage(edits, old, parsed));
                } finally {
                    if (old != null) {
                        old.close();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Parsing " + uri + " failed; its context falls back to plain text", e);
        }
        boolean again;
        boolean kept;
        synchronized (entry) {
            kept = next != null && entries.get(uri) == entry;
            if (kept) {
                entry.tree = next;
            } else if (next == null) {
                entry.fresh = true; // the old tree no longer matches the text: start over next time
            }
            again = !entry.pendingEdits.isEmpty() || entry.fresh && next != null;
            entry.parsePending = again;
            entry.lastParseEnd = System.nanoTime();
            entry.lastParseNanos = entry.lastParseEnd - started;
            entry.notifyAll();
        }
        if (next != null) {
            for (var listener : parsedListeners) {
                try {
                    listener.accept(uri, next);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A syntax tree listener failed for " + uri, e);
                }
            }
            if (!kept) {
                next.close(); // the document closed while it was parsed
            } else if (previous != null) {
                previous.close();
            }
        }
        if (again) {
            scheduleParse(uri, entry);
        }
    }

    /** The edits, widened to where tree-sitter says the syntax changed (an opened string, say). */
    private static Damage damage(List<AppliedEdit> edits, TSTree old, TSTree parsed) {
        Damage damage = Damage.of(edits);
        for (TSRange changed : TSTree.getChangedRanges(old, parsed)) {
            damage = damage.covering(changed.getStartByte() / 2, changed.getEndByte() / 2);
        }
        return damage;
    }

    /** On the parsing thread: the tree of a document that closed. */
    private static void closeTree(Entry entry) {
        SyntaxTree tree;
        synchronized (entry) {
            tree = entry.tree;
            entry.tree = null;
        }
        if (tree != null) {
            tree.close();
        }
    }

    /** Stops parsing; the kept trees are freed once a parse under way has ended (else left to the collector). */
    @Override
    public void close() {
        parsing.shutdownNow();
        try {
            if (parsing.awaitTermination(1, TimeUnit.SECONDS)) {
                entries.values().forEach(SyntaxTrees::closeTree);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Entry {
        DocumentSnapshot latest;
        final List<AppliedEdit> pendingEdits = new ArrayList<>();
        boolean fresh;
        boolean parsePending;
        long lastParseEnd;
        long lastParseNanos;
        /** Replaced on the parsing thread; read under the entry's lock. */
        SyntaxTree tree;
    }
}
