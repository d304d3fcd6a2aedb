package dev.gptoss.ls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.cache.GenerationCache;
import dev.gptoss.ls.cache.SharedGenerationClient;
import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigState;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.guard.GlobExclusions;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.routing.HealthMonitor;
import dev.gptoss.ls.routing.ModelInstances;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.routing.StatusBoard;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every long-lived object of the server, created once and passed to whoever needs it; nothing is
 * static. The protocol layer and the command-line tools both sit on top of this.
 */
public final class ServerCore implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService work = Executors.newCachedThreadPool(daemonThreads("gptoss-work"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("gptoss-timer"));
    private final ConfigState config = new ConfigState(new ConfigReader(json));
    private final DocumentStore documents = new DocumentStore();
    private final PromptModes modes = new PromptModes();
    private final CacheStats cacheStats = new CacheStats();
    private final GenerationCache generations = GenerationCache.standard();
    private final ModelHttp http;
    private final HealthMonitor health;
    private final ModelRouter router;
    private final StatusBoard status;
    private final InlineCompletions completions;
    private final ApiKeys keys;
    private final PromptGuard guard;
    private volatile boolean watching;
    private volatile Path workspaceRoot;
    private volatile boolean workspaceTrusted = true;

    public ServerCore(ApiKeys keys) {
        this.keys = keys;
        guard = new PromptGuard(GlobExclusions.defaults(() -> workspaceRoot), config.current().guard(),
                apiKeysOf(config.current()));
        http = ModelHttp.create(json, keys, work);
        health = new HealthMonitor(new EndpointProbe(http), modes, scheduler);
        router = new ModelRouter(instancesFor(config.current()), health);
        status = new StatusBoard(health, modes, router::instances);
        completions = new InlineCompletions(router, modes, () -> config.current().completion(),
                CursorWindow.standard(), cacheStats, work, guard);
        config.onChange(this::use);
        documents.onChange(uri -> completions.documentChanged(uri, documents.find(uri)));
        documents.onChange(uri -> {
            if (documents.currentVersion(uri).isEmpty()) {
                guard.forget(uri);
            }
        });
    }

    /**
     * The workspace the editor opened, and whether the user trusts it (the client says so with
     * {@code initializationOptions.gptoss.workspaceTrusted}; LSP has no standard flag).
     */
    public void useWorkspace(Path root, boolean trusted) {
        workspaceRoot = root;
        workspaceTrusted = trusted;
    }

    public Path workspaceRoot() {
        return workspaceRoot;
    }

    /** False when the client marked the workspace untrusted: no workspace indexing (issue 3 consults this). */
    public boolean workspaceTrusted() {
        return workspaceTrusted;
    }

    public PromptGuard guard() {
        return guard;
    }

    private List<String> apiKeysOf(GptossConfig next) {
        return next.endpoints().stream().map(e -> keys.keyFor(e).orElse(null)).filter(Objects::nonNull).toList();
    }

    /** Starts background health checks; the command-line tools that probe once do not call this. */
    public void startHealthChecks() {
        watching = true;
        health.watch(router.instances(), config.current().health());
    }

    private void use(GptossConfig next) {
        guard.use(next.guard(), apiKeysOf(next));
        ModelInstances instances = instancesFor(next);
        router.use(instances);
        if (watching) {
            health.watch(instances, next.health());
        }
    }

    private ModelInstances instancesFor(GptossConfig next) {
        return ModelInstances.from(next, http, this::shared);
    }

    private ModelClient shared(ModelClient client) {
        return new SharedGenerationClient(client, generations, cacheStats);
    }

    public CacheStats cacheStats() {
        return cacheStats;
    }

    public GenerationCache generations() {
        return generations;
    }

    public ObjectMapper json() {
        return json;
    }

    public ExecutorService work() {
        return work;
    }

    public ConfigState config() {
        return config;
    }

    public DocumentStore documents() {
        return documents;
    }

    public ModelHttp http() {
        return http;
    }

    public HealthMonitor health() {
        return health;
    }

    public ModelRouter router() {
        return router;
    }

    public PromptModes modes() {
        return modes;
    }

    public StatusBoard status() {
        return status;
    }

    public InlineCompletions completions() {
        return completions;
    }

    @Override
    public void close() {
        health.stop();
        scheduler.shutdownNow();
        work.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name) {
        var count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
