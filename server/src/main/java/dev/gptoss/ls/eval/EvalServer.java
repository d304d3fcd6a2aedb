package dev.gptoss.ls.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.gptoss.ls.protocol.GptossClient;
import dev.gptoss.ls.protocol.InProcessServer;
import dev.gptoss.ls.server.ServerParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlineCompletionContext;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server as an editor talks to it, in this process: real JSON-RPC over a loopback
 * socket ({@link InProcessServer}), so what an evaluation applies is exactly the items an editor
 * receives.
 */
public final class EvalServer implements AutoCloseable {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final LanguageServer server;
    private final EditorSide editor = new EditorSide();
    private final InProcessServer served;
    private final Future<Void> editorListening;
    private final ExecutorService editorThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "gptoss-eval-editor");
        thread.setDaemon(true);
        return thread;
    });

    private EvalServer(ServerParts.Environment environment) throws IOException {
        served = InProcessServer.start(environment);
        Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>()
                .setLocalService(editor)
                .setRemoteInterface(LanguageServer.class)
                .setInput(served.editorInput())
                .setOutput(served.editorOutput())
                .setExecutorService(editorThreads)
                .create();
        editorListening = launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /**
     * Starts a server with {@code environment} and initializes it as an editor whose settings are
     * {@code {"gptoss": settingsJson}}, without a workspace.
     */
    public static EvalServer start(ServerParts.Environment environment, String settingsJson, Duration wait) {
        try {
            var started = new EvalServer(environment);
            var params = new InitializeParams();
            params.setCapabilities(new ClientCapabilities());
            params.setInitializationOptions(JsonParser.parseString("{\"gptoss\": " + settingsJson + "}"));
            started.server.initialize(params).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            started.server.initialized(new InitializedParams());
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to the server in this process", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the server did not start: " + e, e);
        }
    }

    /**
     * The server's status, as its {@code gptoss/status} notifications tell the editor, once it is no
     * longer starting or loading, or as it is after {@code wait}; null if none came.
     */
    public JsonElement awaitStatus(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonElement status = editor.latestStatus;
            String state = status == null ? "starting" : status.getAsJsonObject().get("state").getAsString();
            if (!state.equals("starting") && !state.equals("loading") || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(50);
        }
    }

    public void open(String uri, String languageId, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    }

    public void close(String uri) {
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    /** The items for an automatic request (the user typed) at the cursor of {@code state}. */
    public CompletableFuture<List<InlineCompletionItem>> inline(String uri, EditorState state) {
        var params = new InlineCompletionParams(new TextDocumentIdentifier(uri), new Position(state.line(), state.character()),
                new InlineCompletionContext(InlineCompletionTriggerKind.Automatic));
        return server.getTextDocumentService().inlineCompletion(params)
                .thenApply(either -> either.isLeft() ? either.getLeft() : either.getRight().getItems());
    }

    /** Error messages the server showed the user (an invalid setting, for instance). */
    public List<String> errorsShown() {
        return List.copyOf(editor.errors);
    }

    /**
     * Ends the session as an editor does (shutdown, exit: the server stops its work), then closes
     * the connection in order.
     */
    @Override
    public void close() {
        try {
            server.shutdown().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            server.exit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The server is gone or stuck; ending the input ends the session all the same.
        }
        served.end(editorListening, SHUTDOWN_WAIT);
        editorThreads.shutdown();
    }

    /** An editor that answers what the server asks and keeps the errors it is shown and the latest status. */
    private static final class EditorSide implements GptossClient {
        private final List<String> errors = new CopyOnWriteArrayList<>();
        private volatile JsonElement latestStatus;

        @Override
        public void status(JsonElement status) {
            latestStatus = status;
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        }

        @Override
        public void showMessage(MessageParams message) {
            if (message.getType() == MessageType.Error) {
                errors.add(message.getMessage());
            }
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }

        @Override
        public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
