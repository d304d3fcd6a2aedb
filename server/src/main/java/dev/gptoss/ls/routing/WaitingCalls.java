package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.BackendException;
import dev.gptoss.ls.backend.EndpointHealth;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.config.EndpointConfig;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The model calls waiting on each endpoint's server. When a probe finds nothing listening where the
 * server was, the calls still waiting on it can never be answered (a connection the server's end
 * closed can leave the JDK's exchange waiting for ever), so they fail now as a refused connection,
 * which the router retries once and then takes to the next instance, instead of at their deadline,
 * minutes later for a code action. A call to a server already found gone fails without a request.
 */
final class WaitingCalls {
    private final HealthMonitor health;
    private final Map<EndpointConfig, Set<CompletableFuture<Generation>>> waiting = new ConcurrentHashMap<>();

    WaitingCalls(HealthMonitor health) {
        this.health = health;
        health.onChange(this::endCallsToGoneServers);
    }

    /**
     * Starts {@code exchange} with {@code endpoint}'s server, or fails at once if it is known to be
     * gone. Cancelling the returned call, or its ending because the server is gone, aborts the exchange.
     */
    CompletableFuture<Generation> start(EndpointConfig endpoint, Supplier<CompletableFuture<Generation>> exchange) {
        EndpointHealth known = health.health(endpoint);
        CompletableFuture<Generation> started;
        try {
            started = known.refused() ? CompletableFuture.failedFuture(gone(endpoint, known)) : exchange.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        var call = new WaitingCall(started);
        waiting.compute(endpoint, (key, calls) -> {
            Set<CompletableFuture<Generation>> next = calls == null ? ConcurrentHashMap.newKeySet() : calls;
            next.add(call);
            return next;
        });
        call.whenComplete((generation, error) -> waiting.computeIfPresent(endpoint, (key, calls) -> {
            calls.remove(call);
            return calls.isEmpty() ? null : calls;
        }));
        return call;
    }

    private void endCallsToGoneServers() {
        waiting.forEach((endpoint, calls) -> {
            EndpointHealth now = health.health(endpoint);
            if (now.refused()) {
                BackendException failure = gone(endpoint, now);
                calls.forEach(call -> call.completeExceptionally(failure));
            }
        });
    }

    private static BackendException gone(EndpointConfig endpoint, EndpointHealth health) {
        return new BackendException(0, false, "the model server at " + endpoint.url() + " is gone: " + health.detail());
    }

    /**
     * A model call as the router waits on it. Cancelling it aborts the exchange before the callers
     * hear of it; ending it with a failure (the server is gone) lets them hear the failure first.
     */
    private static final class WaitingCall extends CompletableFuture<Generation> {
        private final CompletableFuture<Generation> exchange;

        WaitingCall(CompletableFuture<Generation> exchange) {
            this.exchange = exchange;
            exchange.whenComplete((generation, error) -> {
                if (error != null) {
                    super.completeExceptionally(error);
                } else {
                    super.complete(generation);
                }
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            exchange.cancel(mayInterruptIfRunning);
            return super.cancel(mayInterruptIfRunning);
        }

        /** Ends the call with this failure (the caller sees it, not a cancellation), then aborts the exchange. */
        @Override
        public boolean completeExceptionally(Throwable error) {
            boolean ended = super.completeExceptionally(error);
            exchange.cancel(true);
            return ended;
        }
    }
}
