package dev.gptoss.ls.protocol;

import dev.gptoss.ls.actions.TrackedRegion;
import dev.gptoss.ls.documents.DocumentEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regions a model is rewriting for a {@code codeAction/resolve}, by document. A change moves
 * each region, or, when it touches one, cancels that call, which aborts its model request; unlike
 * {@link PendingRequests}, typing elsewhere in the document keeps a long call.
 */
final class RewrittenRegions {
    private record Call(TrackedRegion region, CompletableFuture<?> work) {
    }

    private final Map<String, Set<Call>> byUri = new ConcurrentHashMap<>();

    /** Follows {@code region} until {@code work} completes. */
    void watch(String uri, TrackedRegion region, CompletableFuture<?> work) {
        Set<Call> calls = byUri.computeIfAbsent(uri, u -> ConcurrentHashMap.newKeySet());
        var call = new Call(region, work);
        calls.add(call);
        work.whenComplete((r, e) -> calls.remove(call));
    }

    /** A step of the document events: moves the regions of the document, or stops their calls. */
    void documentChanged(DocumentEvent event) {
        Set<Call> calls = byUri.get(event.uri());
        if (calls != null) {
            for (Call call : calls) {
                if (!call.region().follow(event)) {
                    call.work().cancel(true);
                }
            }
        }
    }
}
