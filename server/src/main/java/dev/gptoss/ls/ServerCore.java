package dev.gptoss.ls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigState;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.context.ContextAssembler;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.context.DefinitionsSource;
import dev.gptoss.ls.context.EnclosingScopesSource;
import dev.gptoss.ls.context.ImportsSource;
import dev.gptoss.ls.context.OpenOutlines;
import dev.gptoss.ls.context.RecentEditsSource;
import dev.gptoss.ls.context.SimilarSnippetsSource;
import dev.gptoss.ls.context.TokenCounter;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.UnknownDocumentException;
import dev.gptoss.ls.routing.HealthMonitor;
import dev.gptoss.ls.routing.ModelInstances;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.routing.StatusBoard;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.OutlineExtractor;
import dev.gptoss.ls.syntax.SyntaxTrees;
import dev.gptoss.ls.workspace.ExclusionRules;
import dev.gptoss.ls.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    private final ModelHttp http;
    private final HealthMonitor health;
    private final ModelRouter router;
    private final StatusBoard status;
    private final InlineCompletions completions;
    private final SyntaxTrees syntax = new SyntaxTrees(new Grammars());
    private final OutlineExtractor outlineExtractor = new OutlineExtractor(syntax);
    private final OpenOutlines outlines = new OpenOutlines(outlineExtractor);
    private final TokenCounter tokens = new TokenCounter();
    private final WorkspaceIndex index;
    private final ContextAssembler context;
    private volatile ExclusionRules exclusions;
    private volatile Path workspaceRoot;
    private volatile boolean watching;

    public ServerCore(ApiKeys keys) {
        http = ModelHttp.create(json, keys, work);
        health = new HealthMonitor(new EndpointProbe(http), modes, scheduler);
        router = new ModelRouter(ModelInstances.from(config.current(), http), health);
        status = new StatusBoard(health, modes, router::instances);
        exclusions = ExclusionRules.of(null, config.current().context().exclude());
        index = new WorkspaceIndex(syntax, outlineExtractor, () -> exclusions);
        context = assembler();
        completions = new InlineCompletions(router, modes, () -> config.current().completion(), context::build);
        config.onChange(this::use);
    }

    private ContextAssembler assembler() {
        var recentEdits = new RecentEditsSource(this::openSnapshot);
        documents.onEvent(syntax::accept);
        documents.onEvent(recentEdits::accept);
        documents.onEvent(event -> {
            if (event.closed()) {
                outlines.closed(event.uri());
                context.forget(event.uri());
            }
        });
        syntax.onParsed((uri, tree) -> {
            outlines.parsed(uri, tree);
            outlines.outline(uri).ifPresent(index::openDocumentParsed);
        });
        var sources = List.of(new EnclosingScopesSource(), new DefinitionsSource(index), new ImportsSource(index),
                recentEdits, new SimilarSnippetsSource(documents::openSnapshots));
        int fixed = tokens.count(InlineCompletions.fixedPromptText()) + FILE_LINE_TOKENS;
        return new ContextAssembler(new ContextAssembler.Inputs(CursorWindow.standard(), tokens, sources,
                this::outlineOf, documents::currentVersion, uri -> exclusions.excludedUri(uri), this::displayPath,
                () -> config.current().context().budgetTokens(), fixed));
    }

    /** Room for the file name and language in the prompt's "File:" line. */
    private static final int FILE_LINE_TOKENS = 24;
    /** How long the first completion in a just-opened document waits for its first parse. */
    private static final long FIRST_PARSE_WAIT_MS = 30;

    /**
     * The newest outline, possibly a few keystrokes old: scopes and definitions barely move while
     * typing, and waiting for the parse of a large file would cost more than a keystroke.
     */
    private Optional<dev.gptoss.ls.syntax.FileOutline> outlineOf(String uri) {
        Optional<dev.gptoss.ls.syntax.FileOutline> outline = outlines.outline(uri);
        if (outline.isPresent()) {
            return outline;
        }
        syntax.awaitTree(uri, documents.currentVersion(uri).orElse(-1), FIRST_PARSE_WAIT_MS);
        return outlines.outline(uri);
    }

    private Optional<DocumentSnapshot> openSnapshot(String uri) {
        try {
            return Optional.of(documents.snapshot(uri));
        } catch (UnknownDocumentException e) {
            return Optional.empty();
        }
    }

    private String displayPath(String uri) {
        Path root = workspaceRoot;
        try {
            Path path = Path.of(java.net.URI.create(uri));
            if (root != null && path.startsWith(root)) {
                return root.relativize(path).toString().replace('\\', '/');
            }
            return path.getFileName() == null ? uri : path.getFileName().toString();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return uri;
        }
    }

    /** Sets the workspace root and starts the background index of it (after {@code initialized}). */
    public void startWorkspaceIndex(Path root) {
        workspaceRoot = root == null ? null : root.toAbsolutePath().normalize();
        exclusions = ExclusionRules.of(workspaceRoot, config.current().context().exclude());
        index.start();
    }

    /** Starts background health checks; the command-line tools that probe once do not call this. */
    public void startHealthChecks() {
        watching = true;
        health.watch(router.instances(), config.current().health());
    }

    private void use(GptossConfig next) {
        exclusions = ExclusionRules.of(workspaceRoot, next.context().exclude());
        ModelInstances instances = ModelInstances.from(next, http);
        router.use(instances);
        if (watching) {
            health.watch(instances, next.health());
        }
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

    public ContextAssembler context() {
        return context;
    }

    public SyntaxTrees syntax() {
        return syntax;
    }

    public WorkspaceIndex index() {
        return index;
    }

    public TokenCounter tokens() {
        return tokens;
    }

    public ExclusionRules exclusions() {
        return exclusions;
    }

    @Override
    public void close() {
        health.stop();
        index.close();
        syntax.close();
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
