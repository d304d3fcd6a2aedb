package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import dev.gptoss.ls.ServerCore;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
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
    private volatile Path workspaceRoot;
    private volatile boolean shutdownRequested;

    /** @param exit ends the process with a status code; tests pass something gentler */
    public GptossLanguageServer(ServerCore core, IntConsumer exit) {
        this.core = core;
        this.exit = exit;
        this.settings = new SettingsUpdates(core.config(), core.json());
        this.status = new StatusPublisher(core.status(), core.json(), core.guard()::note);
        var pending = new PendingRequests();
        core.documents().onChange(pending::cancelAll);
        this.documents = new GptossTextDocumentService(core.documents(),
                new InlineCompletionHandler(core.documents(), core.completions(), pending));
        var accepted = new AcceptedSuggestionCommand(core.documents(), core.completions());
        commands.add("gptoss.status", arguments -> status.current())
                .add(AcceptedSuggestionCommand.NAME, accepted::run);
        this.workspace = new GptossWorkspaceService(settings, () -> {
            if (core.workspaceTrusted()) {
                settings.fromWorkspace(workspaceRoot);
            }
        }, commands);
        core.health().onChange(status::publishIfChanged);
        core.router().onBusyChange(status::publishIfChanged);
        core.guard().onNoteChange(status::publishIfChanged);
    }

    @Override
    public void connect(LanguageClient client) {
        GptossClient gptossClient = (GptossClient) client;
        settings.connect(gptossClient);
        status.connect(gptossClient);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        Positions.required(params, "params");
        ParentProcessWatcher.exitWhenGone(params.getProcessId(), () -> exit.accept(1));
        workspaceRoot = rootOf(params);
        boolean trusted = WorkspaceTrust.trusted(params.getInitializationOptions());
        core.useWorkspace(workspaceRoot, trusted);
        if (trusted) {
            settings.fromWorkspace(workspaceRoot);
        } else {
            LOG.info("The workspace is not trusted: its " + SettingsUpdates.WORKSPACE_FILE
                    + " is ignored and it is not indexed");
        }
        settings.fromClient(params.getInitializationOptions());
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(commands.names()),
                new ServerInfo("gptoss-ls", VERSION)));
    }

    @Override
    public void initialized(InitializedParams params) {
        core.startHealthChecks();
        status.publishIfChanged();
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
