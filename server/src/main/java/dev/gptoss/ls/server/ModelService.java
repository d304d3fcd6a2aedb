package dev.gptoss.ls.server;

import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.cache.GenerationCache;
import dev.gptoss.ls.cache.SharedGenerationClient;
import dev.gptoss.ls.concurrent.ServerThreads;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.routing.ConfigurationCheck;
import dev.gptoss.ls.routing.HealthMonitor;
import dev.gptoss.ls.routing.ModelInstances;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.routing.StatusBoard;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The model servers as the rest of the server uses them: one HTTP client, health probes, the router
 * over the configured instances with their shared answer cache, and the status a person reads. It
 * follows each new configuration, once checked against the live endpoints.
 */
public final class ModelService {
    private final ModelHttp http;
    private final PromptModes modes = new PromptModes();
    private final CacheStats cacheStats;
    private final GenerationCache generations = GenerationCache.standard();
    private final HealthMonitor health;
    private final ConfigurationCheck configCheck;
    private final ModelRouter router;
    private final StatusBoard status;
    private final AtomicLong configGeneration = new AtomicLong();
    private final List<Consumer<String>> tierKeptListeners = new CopyOnWriteArrayList<>();
    private volatile List<String> keptTiers = List.of();
    private volatile boolean watching;

    ModelService(ModelHttp http, GptossConfig initial, MetricsRecorder metrics, CacheStats cacheStats,
                 ServerThreads threads) {
        this.http = http;
        this.cacheStats = cacheStats;
        var probe = new EndpointProbe(http);
        health = new HealthMonitor(probe, modes, threads.timer());
        configCheck = new ConfigurationCheck(probe, health);
        router = new ModelRouter(instancesFor(initial, null), initial.routing(), health, modes, metrics,
                threads.modelCalls(), ThreadLocalRandom.current());
        status = new StatusBoard(health, modes, router::instances, () -> keptTiers);
    }

    /** Probes every endpoint now and then on a schedule, and checks each new configuration before it takes over. */
    public void watch(GptossConfig config) {
        watching = true;
        health.watch(router.instances(), config.health());
    }

    /**
     * A new configuration takes over once it is checked against the live endpoints; a tier it would
     * leave with no healthy instance keeps its previous instances, and the user is told.
     */
    public void use(GptossConfig next) {
        long generation = configGeneration.incrementAndGet();
        ModelInstances previous = router.instances();
        ModelInstances candidate = instancesFor(next, previous);
        if (!watching) {
            router.use(candidate, next.routing());
            return;
        }
        configCheck.check(previous, candidate, next.health()).whenComplete((checked, error) -> {
            if (generation != configGeneration.get()) {
                return;
            }
            ModelInstances instances = checked == null ? candidate : checked.instances();
            keptTiers = checked == null ? List.of() : checked.kept();
            router.use(instances, next.routing());
            health.watch(instances, next.health());
            keptTiers.forEach(line -> tierKeptListeners.forEach(l -> l.accept(line)));
        });
    }

    /** Hears, one line each, of tiers kept from the previous configuration. */
    public void onTierKept(Consumer<String> listener) {
        tierKeptListeners.add(listener);
    }

    public ModelHttp http() {
        return http;
    }

    public PromptModes modes() {
        return modes;
    }

    public HealthMonitor health() {
        return health;
    }

    public ModelRouter router() {
        return router;
    }

    public StatusBoard status() {
        return status;
    }

    public CacheStats cacheStats() {
        return cacheStats;
    }

    /** Finished answers by their exact request, shared by every instance's client. */
    public GenerationCache generations() {
        return generations;
    }

    /** Cache figures since start-up, for {@code gptoss/metrics}: hit rate per layer, bytes held, evictions. */
    public Map<String, Object> cacheMetrics() {
        var caches = new LinkedHashMap<String, Object>(cacheStats.byLayer());
        caches.put("bytesHeld", generations.bytesHeld());
        caches.put("evictions", generations.evictions());
        caches.put("acceptedSuggestions", cacheStats.acceptedSuggestions());
        return caches;
    }

    void stop() {
        health.stop();
    }

    private ModelInstances instancesFor(GptossConfig next, ModelInstances previous) {
        return ModelInstances.from(next, http, previous, this::shared);
    }

    private ModelClient shared(ModelClient client) {
        return new SharedGenerationClient(client, generations, cacheStats);
    }
}
