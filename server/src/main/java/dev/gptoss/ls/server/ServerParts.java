package dev.gptoss.ls.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.actions.ModelActionResolver;
import dev.gptoss.ls.actions.CodeActions;
import dev.gptoss.ls.actions.DocumentDiagnostics;
import dev.gptoss.ls.actions.LukhasPatterns;
import dev.gptoss.ls.actions.ModelEditRequester;
import dev.gptoss.ls.actions.TreeSitterSyntaxCheck;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.cache.EmbedderLoader;
import dev.gptoss.ls.cache.SemanticAnswerCache;
import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.concurrent.ForegroundWork;
import dev.gptoss.ls.concurrent.Lazy;
import dev.gptoss.ls.concurrent.ServerThreads;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigState;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.config.UserConfigFile;
import dev.gptoss.ls.documents.DocumentEvent;
import dev.gptoss.ls.documents.DocumentEvents;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.guard.GlobExclusions;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import dev.gptoss.ls.workspace.WorkspaceContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The server's long-lived parts, built once in {@link #assemble}, which reads top to bottom: each
 * part is made from the ones above it. Nothing is static. The protocol layer and the command-line
 * tools take from here the parts they use and hand each to the class that needs it.
 */
public final class ServerParts implements AutoCloseable {
    /** Pattern diagnostics wait for this pause in typing. */
    private static final long DIAGNOSTICS_DELAY_MS = 150;

    private final ServerThreads threads;
    private final Lazy<ObjectMapper> json;
    private final ConfigState config;
    private final UserConfigFile userConfig;
    private final ApiKeys keys;
    private final MetricsRecorder metrics;
    private final DocumentStore documents;
    private final ForegroundWork foreground;
    private final PromptGuard guard;
    private final ModelService models;
    private final WorkspaceContext context;
    private final InlineCompletions completions;
    private final LukhasPatterns patterns;
    private final CodeActions codeActions;
    private final DocumentDiagnostics diagnostics;
    private final ModelActionResolver aiActions;
    private volatile Path workspaceRoot;
    private volatile boolean workspaceTrusted = true;

    /**
     * What the server takes from the machine it runs on.
     *
     * @param userCacheDirectory where files the server can always make again go (explanations)
     */
    public record Environment(ApiKeys keys, Path userConfigFile, Path userCacheDirectory, MetricsRecorder metrics) {
        /**
         * Keys from the environment variables, the user's own configuration file and cache directory
         * (XDG base directories), the system clock.
         */
        public static Environment of(Map<String, String> variables) {
            return new Environment(new ApiKeys(variables), UserConfigFile.locate(variables),
                    UserConfigFile.locateCacheDirectory(variables), MetricsRecorder.systemClock());
        }
    }

    /**
     * @param documentRequests the last to hear of each document event: the protocol's requests about
     *     the document (the command-line tools have none)
     */
    public static ServerParts assemble(Environment environment, Consumer<DocumentEvent> documentRequests) {
        return new ServerParts(environment, documentRequests);
    }

    private ServerParts(Environment environment, Consumer<DocumentEvent> documentRequests) {
        threads = new ServerThreads();
        // Jackson's first use loads some 600 classes, a good part of a start-up: the editor's
        // settings are its first use, read after initialize is answered.
        json = Lazy.of(ServerParts::loadedJson);
        config = new ConfigState(new ConfigReader(json));
        userConfig = new UserConfigFile(environment.userConfigFile(), json);
        keys = environment.keys();
        metrics = environment.metrics();
        documents = new DocumentStore();
        foreground = new ForegroundWork();
        GptossConfig initial = config.current();
        guard = new PromptGuard(GlobExclusions.defaults(() -> workspaceRoot), initial.guard(), apiKeysOf(initial));
        var cacheStats = new CacheStats();
        models = new ModelService(ModelHttp.create(json, keys, threads.modelCalls()), initial, metrics, cacheStats,
                threads);
        context = new WorkspaceContext(documents, () -> config.current().context(), InlineCompletions.fixedPromptText(),
                foreground);
        var secretFiles = guard.exclusions();
        guard.useExclusions(uri -> secretFiles.whyExcluded(uri).or(() -> context.exclusions().excludedUri(uri)
                ? Optional.of("the file is excluded by gptoss.exclude or .gitignore") : Optional.empty()));
        completions = new InlineCompletions(models.router(), models.modes(), () -> config.current().completion(),
                context::build, metrics, cacheStats, threads.requests(), guard, foreground);
        patterns = new LukhasPatterns(json, context.syntax());
        codeActions = CodeActions.standard(patterns::current);
        diagnostics = new DocumentDiagnostics(threads.timer(), threads.requests(), documents::find, patterns::current,
                DIAGNOSTICS_DELAY_MS);
        aiActions = new ModelActionResolver(new ModelEditRequester(models.router(), guard, models.generations()),
                new TreeSitterSyntaxCheck(context.syntax()), id -> patterns.current().pattern(id),
                new SemanticAnswerCache(EmbedderLoader.besideServerJar(), cacheStats));
        documents.dispatchTo(new DocumentEvents(List.of(
                // First what the next prompt is built from: the new version's parse starts now.
                DocumentEvents.step("syntax trees, outlines and recent edits", context::documentChanged),
                // Then model calls the edit made useless end, before anything else takes time.
                DocumentEvents.step("live suggestions", event -> completions.documentChanged(event.uri(),
                        Optional.ofNullable(event.snapshot()))),
                DocumentEvents.step("the guard's notes on closed documents", event -> {
                    if (event.closed()) {
                        guard.forget(event.uri());
                    }
                }),
                DocumentEvents.step("pattern diagnostics", event -> diagnostics.documentChanged(event.uri())),
                DocumentEvents.step("the editor's requests about the document", documentRequests))));
        config.onChange(this::use);
    }

    /**
     * Starts what runs beside the editor: health checks, the tokenizer's vocabulary. The
     * command-line tools do not call this.
     */
    public void startBackgroundWork() {
        models.http().prepare();
        context.prepareTokenizer(threads.background());
        models.watch(config.current());
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

    /** The editor asked to shut down: no more probes of the model servers. */
    public void stopHealthChecks() {
        models.stop();
    }

    /** Applies the workspace's ignore files and starts its background index, unless it is untrusted. */
    public void startWorkspaceIndex(Path root) {
        context.openWorkspace(root, workspaceTrusted);
    }

    private void use(GptossConfig next) {
        guard.use(next.guard(), apiKeysOf(next));
        context.use(next.context());
        models.use(next);
    }

    private List<String> apiKeysOf(GptossConfig next) {
        return next.endpoints().stream().map(e -> keys.keyFor(e).orElse(null)).filter(Objects::nonNull).toList();
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

    public ServerThreads threads() {
        return threads;
    }

    /** The shared mapper; the first callers may wait for it to finish loading. */
    public ObjectMapper json() {
        return json.get();
    }

    public ConfigState config() {
        return config;
    }

    /** The user's own configuration file, which also holds the workspace files they approved. */
    public UserConfigFile userConfig() {
        return userConfig;
    }

    public MetricsRecorder metrics() {
        return metrics;
    }

    public DocumentStore documents() {
        return documents;
    }

    public PromptGuard guard() {
        return guard;
    }

    public ModelService models() {
        return models;
    }

    public WorkspaceContext context() {
        return context;
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

    public ModelActionResolver aiActions() {
        return aiActions;
    }

    @Override
    public void close() {
        models.stop();
        context.close();
        threads.close();
    }
}
