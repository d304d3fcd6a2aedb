package dev.gptoss.ls.protocol;

import com.google.gson.JsonParser;
import dev.gptoss.ls.CursorFixture;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlineCompletionContext;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.InlineCompletionList;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;

/** A server and an editor talking real JSON-RPC over a loopback socket, in one JVM. */
public final class LspSession implements AutoCloseable {
    public final RecordingClient client = new RecordingClient();
    public final GptossServerApi server;
    private final ServerParts parts;
    private final java.nio.file.Path userCacheDirectory;
    private final InProcessServer connection;
    private final Future<Void> listening;
    private int version = 1;

    public LspSession() throws IOException {
        this(Files.createTempDirectory("gptoss-user-config").resolve("config.json"));
    }

    /**
     * A session whose user configuration file (settings and approvals) is {@code userConfigFile}, and
     * whose user cache directory (explanations) is {@code cache} beside it: never the real home's.
     */
    public LspSession(java.nio.file.Path userConfigFile) throws IOException {
        userCacheDirectory = userConfigFile.resolveSibling("cache");
        var languageServer = LspAssembly.assemble(new ServerParts.Environment(
                new ApiKeys(Map.of("FAKE_API_KEY", "sk-test-123")), userConfigFile, userCacheDirectory,
                MetricsRecorder.systemClock()), code -> { });
        parts = languageServer.parts();
        connection = InProcessServer.start(languageServer);
        Launcher<GptossServerApi> launcher = new LSPLauncher.Builder<GptossServerApi>()
                .setLocalService(client)
                .setRemoteInterface(GptossServerApi.class)
                .setInput(connection.editorInput())
                .setOutput(connection.editorOutput())
                .create();
        listening = launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** Initializes with {@code {"gptoss": settings}} as initialization options. */
    public InitializeResult initialize(String gptossSettingsJson) throws Exception {
        return initialize(gptossSettingsJson, new ClientCapabilities(), null);
    }

    /** Initializes with a workspace root folder (its files are indexed in the background). */
    public InitializeResult initialize(String gptossSettingsJson, java.nio.file.Path root) throws Exception {
        return initialize(gptossSettingsJson, new ClientCapabilities(),
                root == null ? null : root.toAbsolutePath().normalize().toUri().toString());
    }

    /** Initializes as an editor with these capabilities, with {@code rootUri} as the workspace (may be null). */
    public InitializeResult initialize(String gptossSettingsJson, ClientCapabilities capabilities, String rootUri)
            throws Exception {
        var params = new InitializeParams();
        params.setCapabilities(capabilities);
        if (rootUri != null) {
            params.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(rootUri, "workspace")));
        }
        params.setInitializationOptions(JsonParser.parseString("{\"gptoss\": " + gptossSettingsJson + "}"));
        InitializeResult result = server.initialize(params).get(10, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        // The settings are in force once initialized is handled; a request behind it says when.
        server.status().get(10, TimeUnit.SECONDS);
        return result;
    }

    public void open(String uri, String languageId, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, languageId, version, text)));
    }

    public void changeWhole(String uri, String text) {
        version++;
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** Replaces {@code range} with {@code text}, as an editor with incremental sync sends a keystroke; returns the new version. */
    public int change(String uri, org.eclipse.lsp4j.Range range, String text) {
        version++;
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(range, text))));
        return version;
    }

    /** Replaces the whole text, as a new version. */
    public int changeWholeVersion(String uri, String text) {
        changeWhole(uri, text);
        return version;
    }

    public CompletableFuture<List<InlineCompletionItem>> inline(String uri, Position position) {
        return inlineRequest(uri, position).thenApply(e -> e.getRight().getItems());
    }

    /** The request as LSP4J sends it: cancelling this future sends {@code $/cancelRequest}. */
    public CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> inlineRequest(
            String uri, Position position) {
        var params = new InlineCompletionParams(new TextDocumentIdentifier(uri), position,
                new InlineCompletionContext(InlineCompletionTriggerKind.Automatic));
        return server.getTextDocumentService().inlineCompletion(params);
    }

    public CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> openAndCompleteRequest(String uri, String languageId, String marked) {
        var fixture = CursorFixture.of(marked);
        open(uri, languageId, fixture.text());
        var at = fixture.position();
        return inlineRequest(uri, new Position(at.line(), at.character()));
    }

    /** Opens a fixture whose cursor is marked with {@code |} and asks for a suggestion there. */
    public CompletableFuture<List<InlineCompletionItem>> openAndComplete(String uri, String languageId, String marked) {
        var fixture = CursorFixture.of(marked);
        open(uri, languageId, fixture.text());
        var at = fixture.position();
        return inline(uri, new Position(at.line(), at.character()));
    }

    /** The {@code gptoss/status} object, as the {@code gptoss.status} command returns it. */
    public com.google.gson.JsonObject statusObject() throws Exception {
        Object status = server.getWorkspaceService().executeCommand(
                new org.eclipse.lsp4j.ExecuteCommandParams("gptoss.status", List.of())).get(10, TimeUnit.SECONDS);
        return new com.google.gson.Gson().toJsonTree(status).getAsJsonObject();
    }

    /** The server's user cache directory, a temporary folder of this session's. */
    public java.nio.file.Path userCacheDirectory() {
        return userCacheDirectory;
    }

    public ServerParts parts() {
        return parts;
    }

    /** Closes what a test started, in order, skipping what it never got to start. */
    public static void closeAll(AutoCloseable... started) {
        for (AutoCloseable resource : started) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot close " + resource, e);
                }
            }
        }
    }

    /**
     * Ends the session as an editor that goes away does: its end of the connection closes, the server
     * stops its work, and what the server still had to say is read before the connection goes.
     */
    @Override
    public void close() {
        connection.end(listening, Duration.ofSeconds(2));
    }

    /** Settings for one endpoint named "fake" serving gpt-oss:20b in both tiers. */
    public static String settingsFor(java.net.URI url, String api, String promptMode) {
        return """
                {"endpoints": [{"name": "fake", "url": "%s", "api": "%s", "promptMode": "%s", "apiKeyEnv": "FAKE_API_KEY"}],
                 "tiers": {"fast": [{"endpoint": "fake", "model": "gpt-oss:20b"}],
                           "strong": [{"endpoint": "fake", "model": "gpt-oss:20b"}]},
                 "completion": {"timeoutMs": 5000},
                 "health": {"intervalMs": 200}}""".formatted(url, api, promptMode);
    }
}
