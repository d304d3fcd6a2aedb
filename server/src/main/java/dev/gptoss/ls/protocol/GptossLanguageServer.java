package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import dev.gptoss.ls.ServerCore;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import dev.gptoss.ls.telemetry.MetricsReport;
import dev.gptoss.ls.actions.CatalogProblem;
import dev.gptoss.ls.actions.LukhasPatterns;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The LSP entry point: lifecycle and capabilities; all features are delegated. */
public final class GptossLanguageServer implements LanguageServer, LanguageClientAware {
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = Logger.getLogger(GptossLanguageServer.class.getName());

    private final ServerCore core;
    private final IntConsumer exit;
    private final SettingsUpdates settings;
    private final StatusPublisher status;
    private final GptossTextDocumentService documents;
    private final GptossWorkspaceService workspace;
    private final ServerCommands commands = new ServerCommands();
    private final ActionProgress progress = new ActionProgress();
    private final Explanations explanations = Explanations.inTempDirectory();
    private final CodeActionHandler codeActions;
    private volatile GptossClient client;
    private volatile Path workspaceRoot;
    private volatile boolean shutdownRequested;
    private volatile boolean clientWatchesFiles;
    private volatile MessageJsonHandler wireFormat;
    private volatile CompletableFuture<Void> settingsApplied = CompletableFuture.completedFuture(null);

    /** @param exit ends the process with a status code; tests pass something gentler */
    public GptossLanguageServer(ServerCore core, IntConsumer exit) {
        this.core = core;
        this.exit = exit;
        this.settings = new SettingsUpdates(core.config(), core.userConfig(), core::json);
        this.status = new StatusPublisher(core.status(), core::json, core.work(), core.guard()::note,
                core.codeContext().index()::progress, core.config()::layers);
        var pending = new PendingRequests();
        core.documents().onEvent(event -> pending.cancelAll(event.uri()));
        this.codeActions = new CodeActionHandler(core.documents(), core.codeActions(), core.aiActions(), pending,
                core.work(), progress, explanations);
        this.documents = new GptossTextDocumentService(core.documents(),
                new InlineCompletionHandler(core.documents(), core.completions(), pending), codeActions, this::saved);
        var accepted = new AcceptedSuggestionCommand(core.documents(), core.completions());
        commands.add("gptoss.status", arguments -> status.current())
                .add(AcceptedSuggestionCommand.NAME, accepted::run)
                .add(ShowContextCommand.NAME, new ShowContextCommand(core.codeContext().assembler())::run)
                .add(SettingsUpdates.APPROVE_COMMAND, settings::approve);
        this.workspace = new GptossWorkspaceService(settings, settings::reloadFiles, commands, core.codeContext(),
                this::reloadPatterns);
        core.health().onChange(status::publishSoon);
        core.router().onBusyChange(status::busyChanged);
        core.router().onInstanceChange(status::publishSoon);
        core.guard().onNoteChange(status::publishSoon);
        core.codeContext().index().ready().thenRun(status::publishSoon);
        core.onTierKept(status::tierKept);
    }

    /** The JSON handler of this server's connection, whose type adapters the warm-up builds before typing needs them. */
    void useWireFormat(MessageJsonHandler json) {
        this.wireFormat = json;
    }

    @Override
    public void connect(LanguageClient client) {
        GptossClient gptossClient = (GptossClient) client;
        this.client = gptossClient;
        settings.connect(gptossClient);
        status.connect(gptossClient);
        progress.connect(gptossClient);
        explanations.connect(gptossClient);
        codeActions.connect(gptossClient);
        core.diagnostics().publishTo(report -> gptossClient.publishDiagnostics(LspActions.publishParams(report)));
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        Positions.required(params, "params");
        ParentProcessWatcher.exitWhenGone(params.getProcessId(), () -> exit.accept(1));
        workspaceRoot = rootOf(params);
        boolean trusted = WorkspaceTrust.trusted(params.getInitializationOptions());
        core.useWorkspace(workspaceRoot, trusted);
        Object options = params.getInitializationOptions();
        // Reading settings is the first use of Jackson, still loading while initialize is answered;
        // they are in force before the next message, since initialized waits for them.
        Path root = workspaceRoot;
        settingsApplied = CompletableFuture.runAsync(() -> settings.startup(root, trusted, options), core.work());
        clientWatchesFiles = WatchedFiles.clientCanWatch(params.getCapabilities());
        var window = params.getCapabilities() == null ? null : params.getCapabilities().getWindow();
        progress.clientSupportsProgress(window != null && Boolean.TRUE.equals(window.getWorkDoneProgress()));
        explanations.clientShowsDocuments(window != null && window.getShowDocument() != null
                && window.getShowDocument().isSupport());
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(commands.names()),
                new ServerInfo("gptoss-ls", VERSION)));
    }

    @Override
    public void initialized(InitializedParams params) {
        try {
            settingsApplied.join();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The settings could not be applied; the defaults are in force", e);
        }
        settings.watchUserFile(core.timer());
        core.startHealthChecks();
        MessageJsonHandler json = wireFormat;
        if (json != null) {
            core.work().execute(() -> ProtocolWarmUp.typing(json));
        }
        core.startWorkspaceIndex(workspaceRoot);
        watchWorkspaceFiles();
        status.publishIfChanged();
        reloadPatterns();
    }

    /** Without this an editor does not report files changed on disk, such as a new .gitignore. */
    private void watchWorkspaceFiles() {
        GptossClient target = client;
        if (!clientWatchesFiles || target == null) {
            return;
        }
        target.registerCapability(new RegistrationParams(List.of(WatchedFiles.registration())))
                .exceptionally(e -> {
                    LOG.warning("The editor refused to watch workspace files (" + e.getMessage()
                            + "); files changed outside it are noticed only when opened");
                    return null;
                });
    }

    @Override
    public void cancelProgress(WorkDoneProgressCancelParams params) {
        if (params.getToken() != null && params.getToken().isLeft()) {
            progress.cancel(params.getToken().getLeft());
        }
    }

    private void saved(String uri) {
        if (uri.endsWith("/" + LukhasPatterns.WORKSPACE_FILE)) {
            reloadPatterns();
        }
    }

    /**
     * Loads the workspace's patterns in the background; each entry that cannot be used is named to
     * the user.
     */
    private void reloadPatterns() {
        core.work().execute(this::loadPatterns);
    }

    private void loadPatterns() {
        List<CatalogProblem> problems = core.patterns().reload(Optional.ofNullable(workspaceRoot));
        GptossClient target = client;
        if (target != null) {
            problems.forEach(p -> target.showMessage(new MessageParams(MessageType.Warning, p.message())));
        }
        core.diagnostics().rescanAll();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        core.health().stop();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        LOG.info("Exit requested");
        core.close();
        exit.accept(shutdownRequested ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    @JsonRequest("gptoss/status")
    public CompletableFuture<JsonElement> statusRequest() {
        return CompletableFuture.completedFuture(status.current());
    }

    /** Counts, error rates and latency percentiles per component over the last hour or day (docs/protocol.md). */
    @JsonRequest("gptoss/metrics")
    public CompletableFuture<JsonElement> metricsRequest(MetricsParams params) {
        try {
            var range = MetricsRecorder.TimeRange.parse(params == null ? null : params.timeRange);
            var report = core.metrics().report(range);
            var withCaches = new MetricsReport(report.timeRange(), report.components(), report.instances(),
                    core.cacheMetrics());
            return CompletableFuture.completedFuture(JsonShapes.toGson(core.json(), withCaches));
        } catch (IllegalArgumentException e) {
            throw Positions.invalidParams(e.getMessage());
        }
    }

    /** Parameters of {@code gptoss/metrics}. */
    public static final class MetricsParams {
        public String timeRange;
    }

    static ServerCapabilities capabilities(List<String> commandNames) {
        var capabilities = new ServerCapabilities();
        var sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        capabilities.setTextDocumentSync(sync);
        capabilities.setInlineCompletionProvider(true);
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of(".", "(")));
        var codeActions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.Refactor));
        codeActions.setResolveProvider(true);
        capabilities.setCodeActionProvider(codeActions);
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(commandNames));
        return capabilities;
    }

    @SuppressWarnings("deprecation")
    private static Path rootOf(InitializeParams params) {
        String uri = null;
        if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
            uri = params.getWorkspaceFolders().get(0).getUri();
        } else if (params.getRootUri() != null) {
            uri = params.getRootUri();
        }
        try {
            return uri == null ? null : Path.of(URI.create(uri));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            LOG.warning("Cannot use the workspace root " + uri + ": " + e.getMessage());
            return null;
        }
    }
}
