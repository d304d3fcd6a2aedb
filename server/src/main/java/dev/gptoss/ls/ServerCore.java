package dev.gptoss.ls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.actions.AiActionResolver;
import dev.gptoss.ls.actions.TreeSitterSyntaxCheck;
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
import dev.gptoss.ls.cache.EmbedderLoader;
import dev.gptoss.ls.cache.SemanticAnswerCache;
import dev.gptoss.ls.cache.GenerationCache;
import dev.gptoss.ls.cache.Lazy;
import dev.gptoss.ls.cache.SharedGenerationClient;
import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigState;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.config.UserConfigFile;
import dev.gptoss.ls.context.ForegroundWork;
import dev.gptoss.ls.context.QuietMoment;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.routing.ConfigurationCheck;
import dev.gptoss.ls.guard.GlobExclusions;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.routing.HealthMonitor;
import dev.gptoss.ls.routing.ModelInstances;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.routing.StatusBoard;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Every long-lived object of the server, created once and passed to whoever needs it; nothing is
 * static. The protocol layer and the command-line tools both sit on top of this.
 */
public final class ServerCore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ServerCore.class.getName());
    /** Pattern diagnostics wait for this pause in typing. */
    private static final long DIAGNOSTICS_DELAY_MS = 150;
    /** After the warm-up, the tokenizer's vocabulary loads at the first pause this long in typing... */
    private static final long VOCABULARY_QUIET_MS = 1000;
    /** ...or this long after start-up at the latest; token counts are estimated until then. */
    private static final long VOCABULARY_AT_MOST_MS = 30_000;
    private static final long QUIET_CHECK_MS = 200;
    private final ExecutorService work = Executors.newCachedThreadPool(daemonThreads("gptoss-work"));
    /**
     * Jackson's first use loads some 600 classes, a good part of a start-up: the editor's settings
     * are its first use, read after {@code initialize} is answered.
     */
    private final Lazy<ObjectMapper> json = Lazy.of(ServerCore::loadedJson);
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("gptoss-timer"));
    private final ConfigState config = new ConfigState(new ConfigReader(this::json));
    private final DocumentStore documents = new DocumentStore();
    private final PromptModes modes = new PromptModes();
    private final CacheStats cacheStats = new CacheStats();
    private final GenerationCache generations = GenerationCache.standard();
    private final MetricsRecorder metrics;
    private final ModelHttp http;
    private final HealthMonitor health;
    private final ModelRouter router;
    private final StatusBoard status;
    private final InlineCompletions completions;
    private final CodeContext codeContext;
    private final ConfigurationCheck configCheck;
    private final AtomicLong configGeneration = new AtomicLong();
    private final List<Consumer<String>> configListeners = new CopyOnWriteArrayList<>();
    private volatile List<String> keptTiers = List.of();
    private final LukhasPatterns patterns = new LukhasPatterns(this::json, new RegexMatchers());
    private final CodeActions codeActions = CodeActions.standard(patterns::current);
    private final DocumentDiagnostics diagnostics;
    private final AiActionResolver aiActions;
    private volatile boolean watching;
    private final CompletableFuture<Integer> warmedUp = new CompletableFuture<>();
    private final ForegroundWork foreground = new ForegroundWork();
    private final ApiKeys keys;
    private final UserConfigFile userConfig;
    private final PromptGuard guard;
    private volatile Path workspaceRoot;
    private volatile boolean workspaceTrusted = true;

    /** A server as the user's machine sets it up: keys from the environment, the user's own configuration file. */
    public static ServerCore fromEnvironment(java.util.Map<String, String> environment) {
        return new ServerCore(new ApiKeys(environment), UserConfigFile.locate(environment));
    }

    public ServerCore(ApiKeys keys, Path userConfigFile) {
        this(keys, userConfigFile, MetricsRecorder.systemClock());
    }

    public ServerCore(ApiKeys keys, Path userConfigFile, MetricsRecorder metrics) {
        this.metrics = metrics;
        this.keys = keys;
        this.userConfig = new UserConfigFile(userConfigFile, this::json);
        guard = new PromptGuard(GlobExclusions.defaults(() -> workspaceRoot), config.current().guard(),
                apiKeysOf(config.current()));
        http = ModelHttp.create(this::json, keys, work);
        var probe = new EndpointProbe(http);
        health = new HealthMonitor(probe, modes, scheduler);
        configCheck = new ConfigurationCheck(probe, health);
        GptossConfig initial = config.current();
        router = new ModelRouter(instancesFor(initial, null), initial.routing(), health, modes, metrics, work,
                ThreadLocalRandom.current());
        status = new StatusBoard(health, modes, router::instances, this::keptTiers);
        codeContext = new CodeContext(documents, () -> config.current().context(), foreground);
        var secretFiles = guard.exclusions();
        guard.useExclusions(uri -> secretFiles.whyExcluded(uri).or(() -> codeContext.exclusions().excludedUri(uri)
                ? Optional.of("the file is excluded by gptoss.exclude or .gitignore") : Optional.empty()));
        completions = new InlineCompletions(router, modes, () -> config.current().completion(),
                codeContext::build, metrics, cacheStats, work, guard, foreground);
        config.onChange(this::use);
        documents.onEvent(event -> completions.documentChanged(event.uri(), Optional.ofNullable(event.snapshot())));
        documents.onEvent(event -> {
            if (event.closed()) {
                guard.forget(event.uri());
            }
        });
        diagnostics = new DocumentDiagnostics(scheduler, work, documents::find, patterns::current, DIAGNOSTICS_DELAY_MS);
        documents.onEvent(event -> diagnostics.documentChanged(event.uri()));
        aiActions = new AiActionResolver(new ModelEditRequester(router, guard),
                new TreeSitterSyntaxCheck(codeContext.syntax()),
                id -> patterns.current().pattern(id),
                new SemanticAnswerCache(EmbedderLoader.besideServerJar(), cacheStats));
    }

    /**
     * Starts background health checks and the warm-up of the request path; the command-line tools
     * that probe once do not call this.
     */
    public void startHealthChecks() {
        http.prepare();
        codeContext.prepareTokenizer(new QuietMoment(foreground, warmedUp,
                check -> scheduler.schedule(check, QUIET_CHECK_MS, TimeUnit.MILLISECONDS), work,
                VOCABULARY_QUIET_MS, VOCABULARY_AT_MOST_MS));
        work.execute(() -> {
            long start = System.nanoTime();
            int answered = new RequestPathWarmUp(http, codeContext, work, scheduler, foreground)
                    .run(config.current());
            LOG.info("Warm-up: " + answered + " suggestions from the loopback stub in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            warmedUp.complete(answered);
        });
        watching = true;
        health.watch(router.instances(), config.current().health());
    }

    /**
     * A new configuration takes over once it is checked against the live endpoints; a tier it would
     * leave with no healthy instance keeps its previous instances, and the user is told.
     */
    private void use(GptossConfig next) {
        guard.use(next.guard(), apiKeysOf(next));
        codeContext.use(next.context());
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
            keptTiers.forEach(line -> configListeners.forEach(l -> l.accept(line)));
        });
    }

    /** Hears, one line each, of tiers kept from the previous configuration. */
    public void onTierKept(Consumer<String> listener) {
        configListeners.add(listener);
    }

    /** Tiers the configuration in force kept from its predecessor, one line each. */
    public List<String> keptTiers() {
        return keptTiers;
    }

    /** A mapper that has read a configuration once, so the classes that takes are loaded. */
    private static ObjectMapper loadedJson() {
        var json = new ObjectMapper();
        try {
            new ConfigReader(json).read(json.readTree("{\"completion\": {\"maxTokens\": 64}}"));
        } catch (Exception e) {
            throw new IllegalStateException("The built-in configuration does not read", e);
        }
        return json;
    }

    private ModelInstances instancesFor(GptossConfig next, ModelInstances previous) {
        return ModelInstances.from(next, http, previous, this::shared);
    }

    private ModelClient shared(ModelClient client) {
        return new SharedGenerationClient(client, generations, cacheStats);
    }

    /** Cache figures since start-up, for {@code gptoss/metrics}: hit rate per layer, bytes held, evictions. */
    public java.util.Map<String, Object> cacheMetrics() {
        var caches = new java.util.LinkedHashMap<String, Object>(cacheStats.byLayer());
        caches.put("bytesHeld", generations.bytesHeld());
        caches.put("evictions", generations.evictions());
        caches.put("acceptedSuggestions", cacheStats.acceptedSuggestions());
        return caches;
    }

    public CacheStats cacheStats() {
        return cacheStats;
    }


    /**
     * The workspace the editor opened, and whether the user trusts it (the client says so with
     * {@code initializationOptions.gptoss.workspaceTrusted}; LSP has no standard flag).
     */
    public void useWorkspace(Path root, boolean trusted) {
        workspaceRoot = root;
        workspaceTrusted = trusted;
    }


    /** False when the client marked the workspace untrusted: then no workspace indexing. */
    public boolean workspaceTrusted() {
        return workspaceTrusted;
    }

    public PromptGuard guard() {
        return guard;
    }

    private List<String> apiKeysOf(GptossConfig next) {
        return next.endpoints().stream().map(e -> keys.keyFor(e).orElse(null)).filter(Objects::nonNull).toList();
    }

    /**
     * Applies the workspace's ignore files and starts its background index (after {@code initialized}),
     * unless it is untrusted.
     */
    public void startWorkspaceIndex(Path root) {
        codeContext.openWorkspace(root, workspaceTrusted);
    }

    public CodeContext codeContext() {
        return codeContext;
    }

    /** The shared mapper; the first callers may wait for it to finish loading. */
    public ObjectMapper json() {
        return json.get();
    }

    public ExecutorService work() {
        return work;
    }

    public ConfigState config() {
        return config;
    }

    /** The user's own configuration file, which also holds the workspace files they approved. */
    public UserConfigFile userConfig() {
        return userConfig;
    }

    /** The server's timer thread, for small periodic checks. */
    public ScheduledExecutorService timer() {
        return scheduler;
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

    public MetricsRecorder metrics() {
        return metrics;
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

    /** Completes when the start-up warm-up is over, with how many suggestions its stub model gave. */
    public CompletableFuture<Integer> warmedUp() {
        return warmedUp;
    }

    @Override
    public void close() {
        health.stop();
        codeContext.close();
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
