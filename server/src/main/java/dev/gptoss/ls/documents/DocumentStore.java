package dev.gptoss.ls.documents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    /** Called with the URI after each change or close, e.g. to cancel work on the old text. */
    public void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    public void open(String uri, String languageId, int version, String text) {
        documents.put(uri, new TextDocument(uri, languageId, version, text == null ? "" : text));
        notifyChanged(uri);
    }

    public void change(String uri, int version, List<Change> changes) {
        TextDocument document = documents.get(uri);
        if (document == null) {
            LOG.warning(() -> "Ignoring a change to a document that is not open: " + uri);
            return;
        }
        synchronized (document) {
            if (version <= document.version()) {
                LOG.warning(() -> "Version " + version + " of " + uri + " is not newer than " + document.version()
                        + "; applying the change anyway to stay in step with the editor");
            }
            for (Change change : changes) {
                if (change.start() == null) {
                    document.replaceAll(change.text());
                } else {
                    document.applyEdit(change.start(), change.end(), change.text());
                }
            }
            document.setVersion(version);
        }
        notifyChanged(uri);
    }

    public void close(String uri) {
        documents.remove(uri);
        notifyChanged(uri);
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

    private void notifyChanged(String uri) {
        for (Consumer<String> listener : changeListeners) {
            listener.accept(uri);
        }
    }
}
