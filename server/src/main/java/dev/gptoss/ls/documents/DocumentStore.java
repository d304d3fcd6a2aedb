package dev.gptoss.ls.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/** Every open document, by URI. Changes come in protocol order; readers take snapshots. */
public final class DocumentStore {
    private static final Logger LOG = Logger.getLogger(DocumentStore.class.getName());

    /** One content change: a range edit, or the whole text when {@code start} is null. */
    public record Change(TextPosition start, TextPosition end, String text) {
        public static Change wholeText(String text) {
            return new Change(null, null, text);
        }
    }

    private final Map<String, TextDocument> documents = new ConcurrentHashMap<>();
    private volatile Consumer<DocumentEvent> events = event -> { };

    /**
     * Who hears of each open, change and close, in protocol order, on the thread that applied it
     * ({@link DocumentEvents}); set once, when the server is assembled.
     */
    public void dispatchTo(Consumer<DocumentEvent> dispatcher) {
        events = dispatcher;
    }

    public void open(String uri, String languageId, int version, String text) {
        var document = new TextDocument(uri, languageId, version, text == null ? "" : text);
        documents.put(uri, document);
        notifyEvent(new DocumentEvent(uri, document.snapshot(), List.of()));
    }

    public void change(String uri, int version, List<Change> changes) {
        TextDocument document = documents.get(uri);
        if (document == null) {
            LOG.warning(() -> "Ignoring a change to a document that is not open: " + uri);
            return;
        }
        var applied = new ArrayList<AppliedEdit>(changes.size());
        DocumentSnapshot after;
        synchronized (document) {
            if (version <= document.version()) {
                LOG.warning(() -> "Version " + version + " of " + uri + " is not newer than " + document.version()
                        + "; applying the change anyway to stay in step with the editor");
            }
            for (Change change : changes) {
                applied.add(change.start() == null
                        ? document.replaceAll(change.text())
                        : document.applyEdit(change.start(), change.end(), change.text()));
            }
            document.setVersion(version);
            after = document.snapshot();
        }
        notifyEvent(new DocumentEvent(uri, after, List.copyOf(applied)));
    }

    public void close(String uri) {
        documents.remove(uri);
        notifyEvent(new DocumentEvent(uri, null, List.of()));
    }

    /** Snapshots of every open document, for features that look across files. */
    public List<DocumentSnapshot> openSnapshots() {
        var all = new ArrayList<DocumentSnapshot>();
        for (TextDocument document : documents.values()) {
            synchronized (document) {
                all.add(document.snapshot());
            }
        }
        return all;
    }

    public DocumentSnapshot snapshot(String uri) throws UnknownDocumentException {
        return find(uri).orElseThrow(() -> new UnknownDocumentException(uri));
    }

    /** The current snapshot, or empty when the document is not open. */
    public Optional<DocumentSnapshot> find(String uri) {
        TextDocument document = documents.get(uri);
        if (document == null) {
            return Optional.empty();
        }
        synchronized (document) {
            return Optional.of(document.snapshot());
        }
    }

    public Optional<Integer> currentVersion(String uri) {
        return find(uri).map(DocumentSnapshot::version);
    }

    private void notifyEvent(DocumentEvent event) {
        events.accept(event);
    }
}
