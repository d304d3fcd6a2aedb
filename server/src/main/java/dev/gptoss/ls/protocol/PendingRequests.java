package dev.gptoss.ls.protocol;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests still working on a document. A change makes their answers stale, so they are
 * cancelled, which aborts their model calls.
 */
final class PendingRequests {
    private final Map<String, Set<CompletableFuture<?>>> byUri = new ConcurrentHashMap<>();

    <T> CompletableFuture<T> track(String uri, CompletableFuture<T> request) {
        Set<CompletableFuture<?>> pending = byUri.computeIfAbsent(uri, u -> ConcurrentHashMap.newKeySet());
        pending.add(request);
        request.whenComplete((r, e) -> pending.remove(request));
        return request;
    }

    void cancelAll(String uri) {
        Set<CompletableFuture<?>> pending = byUri.get(uri);
        if (pending != null) {
            pending.forEach(f -> f.cancel(true));
        }
    }
}
