package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.BackendException;
import dev.gptoss.ls.backend.EndpointHealth;
import dev.gptoss.ls.backend.EndpointState;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.Tier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Picks the instance for a request and keeps the books on it (requests outstanding, latency).
 * Completions use the fast tier's first usable instance, then the strong tier's.
 */
public final class ModelRouter {
    private final HealthMonitor health;
    private final List<Runnable> busyListeners = new CopyOnWriteArrayList<>();
    private volatile ModelInstances instances;

    public ModelRouter(ModelInstances instances, HealthMonitor health) {
        this.instances = instances;
        this.health = health;
    }

    public void use(ModelInstances instances) {
        this.instances = instances;
    }

    public ModelInstances instances() {
        return instances;
    }

    /** Called when the server goes from idle to busy or back, for a status spinner. */
    public void onBusyChange(Runnable listener) {
        busyListeners.add(listener);
    }

    public Optional<ModelInstance> forCompletion() {
        ModelInstances current = instances;
        return firstUsable(current.tier(Tier.FAST))
                .or(() -> firstUsable(current.tier(Tier.STRONG)))
                .or(() -> current.tier(Tier.FAST).stream().findFirst())
                .or(() -> current.tier(Tier.STRONG).stream().findFirst());
    }

    public CompletableFuture<Generation> call(ModelInstance instance, GenerationRequest request, TextSink sink) {
        long start = System.nanoTime();
        if (instance.outstanding().getAndIncrement() == 0) {
            busyListeners.forEach(Runnable::run);
        }
        CompletableFuture<Generation> call = instance.client().generate(request, sink);
        call.whenComplete((generation, error) -> {
            if (generation != null) {
                instance.latency().record(System.nanoTime() - start);
            } else if (unwrap(error) instanceof BackendException b && b.status() == 0 && !b.responseStarted()) {
                health.suspect(instance.endpoint());
            }
            if (instance.outstanding().decrementAndGet() == 0) {
                busyListeners.forEach(Runnable::run);
            }
        });
        return call;
    }

    private Optional<ModelInstance> firstUsable(List<ModelInstance> tier) {
        return tier.stream().filter(i -> usable(health.health(i.endpoint()), i.model())).findFirst();
    }

    private static boolean usable(EndpointHealth h, String model) {
        return h.state() == EndpointState.UNKNOWN || h.state() == EndpointState.READY && h.hasModel(model);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
