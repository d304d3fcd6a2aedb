package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import dev.gptoss.ls.server.ServerParts;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The LSP entry point of one connection: lifecycle and capabilities; every feature is delegated to
 * its handler ({@link LspAssembly} builds them). What it starts and stops are the {@link ServerParts}.
 */
public final class GptossLanguageServer implements LanguageServer, LanguageClientAware {
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = Logger.getLogger(GptossLanguageServer.class.getName());

    /** The handlers this class delegates to. */
    record Handlers(SettingsUpdates settings, StatusPublisher status, GptossTextDocumentService documents,
                    GptossWorkspaceService workspace, ServerCommands commands, ActionProgress progress,
                    Explanations explanations, CodeActionHandler codeActions, PatternCatalogUpdates catalog,
                    MetricsRequest metrics) {
    }

    private final Handlers handlers;
    private final ServerParts parts;
    private final IntConsumer exit;
    private volatile GptossClient client;
    private volatile Path workspaceRoot;
    private volatile boolean shutdownRequested;
    private volatile boolean clientWatchesFiles;
    private volatile CompletableFuture<Void> settingsApplied = CompletableFuture.completedFuture(null);

    /** @param exit ends the process with a status code; tests pass something gentler */
    GptossLanguageServer(Handlers handlers, ServerParts parts, IntConsumer exit) {
        this.handlers = handlers;
        this.parts = parts;
        this.exit = exit;
    }

    /** The server's parts: their threads serve the connection, and tests look inside. */
    ServerParts parts() {
        return parts;
    }

    @Override
    public void connect(LanguageClient client) {
        GptossClient gptossClient = (GptossClient) client;
        this.client = gptossClient;
        handlers.settings().connect(gptossClient);
        handlers.status().connect(gptossClient);
        handlers.progress().connect(gptossClient);
        handlers.explanations().connect(gptossClient);
        handlers.codeActions().connect(gptossClient);
        handlers.catalog().connect(gptossClient);
        parts.diagnostics().publishTo(report -> gptossClient.publishDiagnostics(LspActions.publishParams(report)));
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        Positions.required(params, "params");
        ParentProcessWatcher.exitWhenGone(params.getProcessId(), () -> exit.accept(1));
        workspaceRoot = rootOf(params);
        boolean trusted = WorkspaceTrust.trusted(params.getInitializationOptions());
        parts.useWorkspace(workspaceRoot, trusted);
        handlers.catalog().useWorkspace(workspaceRoot);
        Object options = params.getInitializationOptions();
        // Reading settings is the first use of Jackson, still loading while initialize is answered;
        // they are in force before the next message, since initialized waits for them.
        Path root = workspaceRoot;
        settingsApplied = CompletableFuture.runAsync(() -> handlers.settings().startup(root, trusted, options),
                parts.threads().requests());
        clientWatchesFiles = WatchedFiles.clientCanWatch(params.getCapabilities());
        var window = params.getCapabilities() == null ? null : params.getCapabilities().getWindow();
        handlers.progress().clientSupportsProgress(window != null && Boolean.TRUE.equals(window.getWorkDoneProgress()));
        handlers.explanations().clientShowsDocuments(window != null && window.getShowDocument() != null
                && window.getShowDocument().isSupport());
        handlers.codeActions().clientCapabilities(params.getCapabilities());
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(handlers.commands().names()),
                new ServerInfo("gptoss-ls", VERSION)));
    }

    @Override
    public void initialized(InitializedParams params) {
        try {
            settingsApplied.join();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The settings could not be applied; the defaults are in force", e);
        }
        handlers.settings().watchUserFile(parts.threads().timer());
        parts.startBackgroundWork();
        parts.startWorkspaceIndex(workspaceRoot);
        watchWorkspaceFiles();
        handlers.status().publishSoon();
        handlers.catalog().reload();
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
            handlers.progress().cancel(params.getToken().getLeft());
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        parts.stopHealthChecks();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        LOG.info("Exit requested");
        parts.close();
        exit.accept(shutdownRequested ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return handlers.documents();
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return handlers.workspace();
    }

    @JsonRequest("gptoss/status")
    public CompletableFuture<JsonElement> statusRequest() {
        return CompletableFuture.completedFuture(handlers.status().current());
    }

    /** Counts, error rates and latency percentiles per component over the last hour or day (docs/protocol.md). */
    @JsonRequest("gptoss/metrics")
    public CompletableFuture<JsonElement> metricsRequest(MetricsParams params) {
        try {
            return CompletableFuture.completedFuture(handlers.metrics().answer(params == null ? null : params.timeRange));
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
