package dev.gptoss.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.InlineCompletionList;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The floor: an LSP4J server over stdio that does nothing but answer every inline completion at once
 * with one fixed item. Whatever gptoss-ls adds on top of this is its own overhead; LSP4J, the pipes,
 * the JVM and the client's own cost are in both.
 */
public final class FloorLanguageServer implements LanguageServer {
    static final String ANSWER = "compute(1)";

    private final TextDocumentService documents = new FloorDocuments();
    private final WorkspaceService workspace = new FloorWorkspace();
    private volatile boolean shutdownRequested;

    public static void main(String[] args) throws Exception {
        var server = new FloorLanguageServer();
        LSPLauncher.createServerLauncher(server, System.in, System.out).startListening().get();
        System.exit(0);
    }

    /** The same capability shape as gptoss-ls, so the client's work on initialize is the same. */
    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
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
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(List.of("gptoss.status")));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("floor", "0")));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        System.exit(shutdownRequested ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    private static final class FloorWorkspace implements WorkspaceService {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        }
    }

    private static final class FloorDocuments implements TextDocumentService {
        @Override
        public CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> inlineCompletion(
                InlineCompletionParams params) {
            Position at = params.getPosition();
            var item = new InlineCompletionItem();
            item.setInsertText(ANSWER);
            item.setRange(new Range(at, at));
            return CompletableFuture.completedFuture(Either.forRight(new InlineCompletionList(List.of(item))));
        }

        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
        }
    }
}
