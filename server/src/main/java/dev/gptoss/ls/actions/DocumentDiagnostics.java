package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pattern diagnostics per document, computed a short while after the last change (so typing is
 * not scanned keystroke by keystroke) on the work executor, never on the thread reading the
 * editor's messages.
 */
public final class DocumentDiagnostics {
    private static final Logger LOG = Logger.getLogger(DocumentDiagnostics.class.getName());

    /** What to publish for a document; an empty list clears it. */
    public record Report(String uri, Optional<Integer> version, List<Finding> findings) {
    }

    private final ScheduledExecutorService timer;
    private final Executor work;
    private final Function<String, Optional<DocumentSnapshot>> documents;
    private final Supplier<PatternCatalog> catalog;
    private final long delayMs;
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private volatile Consumer<Report> publish = report -> { };
    private volatile String catalogUri;

    public DocumentDiagnostics(ScheduledExecutorService timer, Executor work,
                               Function<String, Optional<DocumentSnapshot>> documents,
                               Supplier<PatternCatalog> catalog, long delayMs) {
        this.timer = timer;
        this.work = work;
        this.documents = documents;
        this.catalog = catalog;
        this.delayMs = delayMs;
    }

    public void publishTo(Consumer<Report> publish) {
        this.publish = publish;
    }

    /** A document opened, changed or closed: scan it once the changes settle. */
    public void documentChanged(String uri) {
        try {
            ScheduledFuture<?> next = timer.schedule(() -> work.execute(() -> scan(uri)), delayMs, TimeUnit.MILLISECONDS);
            ScheduledFuture<?> previous = scheduled.put(uri, next);
            if (previous != null) {
                previous.cancel(false);
            }
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Not scanning " + uri + ": shutting down");
        }
    }

    /**
     * The catalog changed: show what in its workspace file could not be used, on that file, and
     * scan every open document again.
     */
    public void rescanAll() {
        publishCatalogProblems();
        scheduled.keySet().forEach(this::documentChanged);
    }

    private void publishCatalogProblems() {
        PatternCatalog current = catalog.get();
        Optional<String> uri = current.workspaceUri();
        String previous = catalogUri;
        if (previous != null && !uri.map(previous::equals).orElse(false)) {
            publish.accept(new Report(previous, Optional.empty(), List.of()));
        }
        catalogUri = uri.orElse(null);
        uri.ifPresent(u -> {
            if (!scheduled.containsKey(u)) {
                publish.accept(new Report(u, Optional.empty(), current.catalogFindings()));
            }
        });
    }

    private void scan(String uri) {
        Optional<DocumentSnapshot> document = documents.apply(uri);
        try {
            if (document.isEmpty()) {
                scheduled.remove(uri);
                publish.accept(new Report(uri, Optional.empty(), List.of()));
                return;
            }
            DocumentSnapshot snapshot = document.get();
            PatternCatalog current = catalog.get();
            List<Finding> findings = current.findings(snapshot);
            if (current.workspaceUri().map(uri::equals).orElse(false)) {
                findings = new java.util.ArrayList<>(findings);
                findings.addAll(current.catalogFindings());
            }
            if (documents.apply(uri).map(d -> d.version() == snapshot.version()).orElse(false)) {
                publish.accept(new Report(uri, Optional.of(snapshot.version()), findings));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pattern scan of " + uri + " failed", e);
        }
    }
}
