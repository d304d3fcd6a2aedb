package dev.gptoss.dist;

import com.google.gson.JsonElement;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeActionResolveSupportCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlineCompletionCapabilities;
import org.eclipse.lsp4j.InlineCompletionContext;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The session the class-data-sharing archive is trained on: what an editor does in its first
 * minute, against the project's fake model server. The server runs from the new runtime image with
 * {@code -XX:DumpLoadedClassList}, in a throw-away home and workspace: {@code initialize} as VS Code
 * and Neovim send it, {@code initialized}, a file opened in each language the server parses, the
 * first inline completions (and a completion list), typing with a suggestion per key, the accepted
 * suggestion's command, a LUKHAS quick fix and a model-made code action resolved, then
 * {@code shutdown} and {@code exit}.
 */
final class TrainingRun {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String ANSWER = "total = sum(item.price * item.quantity for item in cart.items)";
    /** Per language: a file name, its language id and text; the cursor goes on the indented empty line. */
    private static final List<String[]> FILES = List.of(
            new String[] {"cart.py", "python", """
                import json
                def total_price(cart):
                    \n\
                def load(path):
                    try:
                        return json.load(open(path))
                    except:
                        return None
                """},
            new String[] {"Cart.java", "java", "class Cart {\n    int total() {\n        \n    }\n}\n"},
            new String[] {"cart.ts", "typescript", "export function total(cart: Cart): number {\n  \n}\n"},
            new String[] {"Cart.tsx", "typescriptreact", "export function Cart() {\n  \n}\n"},
            new String[] {"cart.js", "javascript", "function total(cart) {\n  \n}\n"},
            new String[] {"cart.go", "go", "package cart\n\nfunc Total(c Cart) int {\n\t\n}\n"},
            new String[] {"cart.rs", "rust", "fn total(cart: &Cart) -> u32 {\n    \n}\n"});

    private final Path java;
    private final Path dir;
    private final PrintStream log;

    TrainingRun(Path java, Path dir, PrintStream log) {
        this.java = java;
        this.dir = dir;
        this.log = log;
    }

    /** Runs the session; the server writes the classes it loaded to {@code classList} as it exits. */
    void run(Path classList) throws IOException, InterruptedException {
        Path home = dir.resolve("home");
        Path workspace = dir.resolve("workspace");
        Files.createDirectories(home);
        Files.createDirectories(workspace.resolve(".git"));
        for (String[] file : FILES) {
            Files.writeString(workspace.resolve(file[0]), file[2]);
        }
        long started = System.nanoTime();
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer(ANSWER).chunkChars(16);
            var builder = new ProcessBuilder(java.toString(), "-XX:DumpLoadedClassList=" + classList, ImageBuilder.MAIN_CLASS)
                    .directory(workspace.toFile())
                    .redirectError(dir.resolve("server.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("HOME", home.toString());
            env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            env.remove("JDK_JAVA_OPTIONS");
            env.remove("GPTOSS_LOG");
            Process server = builder.start();
            var client = new Client();
            var launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(), server.getOutputStream());
            var listening = launcher.startListening();
            try {
                session(launcher.getRemoteProxy(), client, workspace, backend);
            } catch (RuntimeException e) {
                server.destroyForcibly().waitFor();
                throw new IllegalStateException(e.getMessage() + "; see " + dir.resolve("server.log"), e);
            } finally {
                listening.cancel(true);
            }
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new IllegalStateException("The training server did not exit; see " + dir.resolve("server.log"));
            }
            if (!client.problems.isEmpty()) {
                throw new IllegalStateException("The training session went wrong: " + client.problems
                        + "; see " + dir.resolve("server.log"));
            }
            log.printf("Training run: %d model requests in %d ms%n", backend.requests().size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        if (!Files.isRegularFile(classList)) {
            throw new IllegalStateException("The training server wrote no class list; see " + dir.resolve("server.log"));
        }
    }

    private void session(LanguageServer server, Client client, Path workspace, FakeModelBackend backend) {
        var params = new InitializeParams();
        params.setProcessId((int) ProcessHandle.current().pid());
        params.setRootUri(workspace.toUri().toString());
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "workspace")));
        params.setCapabilities(capabilities());
        params.setInitializationOptions(Map.of("gptoss", Map.of("endpoints",
                List.of(Map.of("name", "local", "url", backend.url().toString(), "api", "ollama")))));
        await(server.initialize(params), "initialize");
        server.initialized(new InitializedParams());
        client.awaitReady();

        var documents = server.getTextDocumentService();
        String pythonUri = null;
        for (String[] file : FILES) {
            String uri = workspace.resolve(file[0]).toUri().toString();
            documents.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, file[1], 1, file[2])));
            var at = cursorOf(file[2]);
            var inline = await(documents.inlineCompletion(inlineAt(uri, at)), "inlineCompletion");
            if (file[1].equals("python")) {
                pythonUri = uri;
                await(documents.completion(new CompletionParams(new TextDocumentIdentifier(uri), at)), "completion");
                var items = inline.getRight().getItems();
                if (!items.isEmpty() && items.get(0).getCommand() != null) {
                    var command = items.get(0).getCommand();
                    await(server.getWorkspaceService().executeCommand(
                            new ExecuteCommandParams(command.getCommand(), command.getArguments())), "accepted suggestion");
                }
            }
        }
        typeInto(documents, pythonUri);
        codeActions(documents, pythonUri, client);
        for (String[] file : FILES) {
            documents.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(workspace.resolve(file[0]).toUri().toString())));
        }
        await(server.shutdown(), "shutdown");
        server.exit();
    }

    /** Types "total" on the python file's empty line, asking for a suggestion after each key, as editors do. */
    private static void typeInto(org.eclipse.lsp4j.services.TextDocumentService documents, String uri) {
        String typed = "total";
        int version = 1;
        for (int i = 0; i < typed.length(); i++) {
            var at = new Position(2, 4 + i);
            documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
                    List.of(new TextDocumentContentChangeEvent(new Range(at, at), typed.substring(i, i + 1)))));
            await(documents.inlineCompletion(inlineAt(uri, new Position(2, 5 + i))), "inlineCompletion while typing");
        }
    }

    /** The LUKHAS finding on the bare {@code except:}, its quick fix and a model-made action, resolved. */
    private static void codeActions(org.eclipse.lsp4j.services.TextDocumentService documents, String uri, Client client) {
        List<Diagnostic> diagnostics = client.awaitDiagnostics(uri);
        var line = new Range(new Position(6, 4), new Position(6, 11));
        var actions = await(documents.codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), line,
                new CodeActionContext(diagnostics))), "codeAction");
        int edits = 0;
        for (var either : actions) {
            if (either.isRight() && either.getRight().getEdit() == null && either.getRight().getData() != null) {
                CodeAction resolved = await(documents.resolveCodeAction(either.getRight()), "codeAction/resolve");
                edits += resolved.getEdit() == null ? 0 : 1;
            } else if (either.isRight() && either.getRight().getEdit() != null) {
                edits++;
            }
        }
        if (edits == 0) {
            client.problems.add("no code action on the bare except came with an edit (" + actions.size() + " actions)");
        }
    }

    /** The end of the first line that has only blanks. */
    private static Position cursorOf(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty() && lines.get(i).isBlank()) {
                return new Position(i, lines.get(i).length());
            }
        }
        throw new IllegalArgumentException("no indented empty line in " + text);
    }

    private static InlineCompletionParams inlineAt(String uri, Position at) {
        return new InlineCompletionParams(new TextDocumentIdentifier(uri), at,
                new InlineCompletionContext(InlineCompletionTriggerKind.Automatic));
    }

    /** What VS Code and Neovim say they support, as far as this server asks. */
    private static ClientCapabilities capabilities() {
        var text = new TextDocumentClientCapabilities();
        text.setInlineCompletion(new InlineCompletionCapabilities());
        var codeAction = new CodeActionCapabilities();
        codeAction.setResolveSupport(new CodeActionResolveSupportCapabilities(List.of("edit")));
        codeAction.setDataSupport(true);
        text.setCodeAction(codeAction);
        var window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        var workspace = new WorkspaceClientCapabilities();
        workspace.setConfiguration(true);
        workspace.setWorkspaceFolders(true);
        var capabilities = new ClientCapabilities(workspace, text, null);
        capabilities.setWindow(window);
        return capabilities;
    }

    private static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Training run: no answer to " + what + ": " + e, e);
        }
    }

    /** The editor's side: it answers what the server asks and notes what went wrong. */
    static final class Client implements LanguageClient {
        final List<String> problems = new CopyOnWriteArrayList<>();
        private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
        private volatile String state = "";

        @JsonNotification("gptoss/status")
        public synchronized void status(JsonElement status) {
            if (status != null && status.isJsonObject() && status.getAsJsonObject().has("state")) {
                state = status.getAsJsonObject().get("state").getAsString();
                notifyAll();
            }
        }

        /** Until the server serves completions: all instances ready, or some ("degraded"). */
        synchronized void awaitReady() {
            long deadline = System.nanoTime() + STEP.toNanos();
            while (!serving() && System.nanoTime() < deadline) {
                waitABit();
            }
            if (!serving()) {
                throw new IllegalStateException("Training run: the server never said it was ready (last: " + state + ")");
            }
        }

        private boolean serving() {
            return state.equals("ready") || state.equals("degraded");
        }

        synchronized List<Diagnostic> awaitDiagnostics(String uri) {
            long deadline = System.nanoTime() + STEP.toNanos();
            while (diagnostics.getOrDefault(uri, List.of()).isEmpty() && System.nanoTime() < deadline) {
                waitABit();
            }
            return diagnostics.getOrDefault(uri, List.of());
        }

        private void waitABit() {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.put(params.getUri(), new ArrayList<>(params.getDiagnostics()));
            notifyAll();
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams message) {
            note(message);
        }

        @Override
        public void logMessage(MessageParams message) {
            note(message);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            note(request);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
            return CompletableFuture.completedFuture(new ArrayList<>(Collections.nCopies(params.getItems().size(), null)));
        }

        @Override
        public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyProgress(ProgressParams params) {
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            return CompletableFuture.completedFuture(null);
        }

        private void note(MessageParams message) {
            if (message.getType() == org.eclipse.lsp4j.MessageType.Error) {
                problems.add(message.getMessage());
            }
        }
    }
}
