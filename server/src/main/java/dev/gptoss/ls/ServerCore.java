package dev.gptoss.ls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.actions.AiActionResolver;
import dev.gptoss.ls.actions.BracketBalanceCheck;
import dev.gptoss.ls.actions.CodeActions;
import dev.gptoss.ls.actions.DocumentDiagnostics;
import dev.gptoss.ls.actions.LukhasPatterns;
import dev.gptoss.ls.actions.ModelEditRequester;
import dev.gptoss.ls.actions.RegexMatchers;
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
import dev.gptoss.ls.routing.HealthMonitor;
import dev.gptoss.ls.routing.ModelInstances;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.routing.StatusBoard;
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
    /** Pattern diagnostics wait for this pause in typing. */
    private static final long DIAGNOSTICS_DELAY_MS = 150;
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
    private final LukhasPatterns patterns = new LukhasPatterns(json, new RegexMatchers());
    private final CodeActions codeActions = CodeActions.standard(patterns::current);
    private final DocumentDiagnostics diagnostics;
    private final AiActionResolver aiActions;
    private volatile boolean watching;

    public ServerCore(ApiKeys keys) {
        http = ModelHttp.create(json, keys, work);
        health = new HealthMonitor(new EndpointProbe(http), modes, scheduler);
        router = new ModelRouter(instancesFor(config.current()), health);
        status = new StatusBoard(health, modes, router::instances);
        completions = new InlineCompletions(router, modes, () -> config.current().completion(),
                CursorWindow.standard(), cacheStats, work);
        config.onChange(this::use);
        documents.onChange(uri -> completions.documentChanged(uri, documents.find(uri)));
        diagnostics = new DocumentDiagnostics(scheduler, work, documents::find, patterns::current, DIAGNOSTICS_DELAY_MS);
        documents.onChange(diagnostics::documentChanged);
        aiActions = new AiActionResolver(new ModelEditRequester(router), new BracketBalanceCheck(),
                id -> patterns.current().pattern(id));
    }

    /** Starts background health checks; the command-line tools that probe once do not call this. */
    public void startHealthChecks() {
        watching = true;
        health.watch(router.instances(), config.current().health());
    }

    private void use(GptossConfig next) {
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

    public LukhasPatterns patterns() {
        return patterns;
    }

    public CodeActions codeActions() {
        return codeActions;
    }

    public DocumentDiagnostics diagnostics() {
        return diagnostics;
    }

    public AiActionResolver aiActions() {
        return aiActions;
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
