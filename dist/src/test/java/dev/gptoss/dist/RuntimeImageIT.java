package dev.gptoss.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlineCompletionContext;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball as a user gets it: unpacked into a new folder and run with a {@code PATH} that has no
 * {@code java} and no {@code JAVA_HOME}, so it can only run on the runtime it carries.
 */
class RuntimeImageIT {
    private static final String ANSWER = "return sum(item.price for item in items)";
    @TempDir
    static Path temp;
    private static Path launcher;
    /** Holds only {@code readlink}, which the launcher needs when it is reached through a link. */
    private static Path pathWithoutJava;

    @BeforeAll
    static void unpack() throws Exception {
        Path dist = Path.of(System.getProperty("gptoss.dist", "target"));
        Path tarball;
        try (var files = Files.list(dist)) {
            tarball = files.filter(f -> f.getFileName().toString().matches("gptoss-ls-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no gptoss-ls-*.tar.gz in " + dist));
        }
        Path unpacked = temp.resolve("somewhere else");
        Files.createDirectories(unpacked);
        assertEquals(0, new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString())
                .inheritIO().start().waitFor());
        launcher = unpacked.resolve("gptoss-ls/bin/gptoss-ls");
        pathWithoutJava = temp.resolve("bin");
        Files.createDirectories(pathWithoutJava);
        // a script, not a link: JUnit warns about links out of its temp folder
        Path readlink = pathWithoutJava.resolve("readlink");
        Files.writeString(readlink, "#!/bin/sh\nexec " + which("readlink") + " \"$@\"\n");
        Files.setPosixFilePermissions(readlink, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theTopFolderHoldsTheLauncherAndNoJavaForThePath() throws IOException {
        try (var bin = Files.list(launcher.getParent())) {
            assertEquals(List.of("gptoss-ls"), bin.map(f -> f.getFileName().toString()).toList());
        }
        assertTrue(Files.isExecutable(launcher));
    }

    @Test
    void versionNamesItsOwnRuntime() throws Exception {
        var run = run(List.of(launcher.toString(), "--version"), Map.of());
        assertEquals(0, run.exit, run.stderr);
        assertTrue(run.stdout.startsWith("gptoss-ls "), run.stdout);
        assertTrue(run.stdout.contains("in " + launcher.getParent().getParent().resolve("lib/runtime")), run.stdout);
    }

    @Test
    void aLinkToTheLauncherRunsTheSameImage() throws Exception {
        Path linked = temp.resolve("usr-bin/gptoss-ls");
        Files.createDirectories(linked.getParent());
        Files.createSymbolicLink(linked, launcher);
        var run = run(List.of(linked.toString(), "--version"), Map.of());
        assertEquals(0, run.exit, run.stderr);
        assertTrue(run.stdout.contains("in " + launcher.getParent().getParent().resolve("lib/runtime")), run.stdout);
    }

    /** The archive names no path of the build machine, so it works wherever the image is unpacked. */
    @Test
    void theServerClassesComeFromTheClassDataSharingArchive() throws Exception {
        var run = run(List.of(launcher.toString(), "--version"),
                Map.of("JDK_JAVA_OPTIONS", "-Xshare:on -Xlog:class+load=info"));
        assertEquals(0, run.exit, run.stderr);
        assertTrue(run.stdout.contains("dev.gptoss.ls.Main source: shared objects file"),
                "Main is not from the archive:\n" + run.stdout.lines().filter(l -> l.contains("gptoss")).limit(5).toList());
    }

    @Test
    void statusProbesTheModelServerFromTheUsersConfiguration() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            Path home = home(backend);
            var run = run(List.of(launcher.toString(), "status"), Map.of("HOME", home.toString(),
                    "XDG_CONFIG_HOME", home.resolve(".config").toString()));
            assertEquals(0, run.exit, run.stdout + run.stderr);
            assertTrue(run.stdout.contains(backend.url().toString()), run.stdout);
        }
    }

    @Test
    void anEditorGetsASuggestionOverStdio() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer(ANSWER);
            Path home = home(backend);
            Path workspace = Files.createDirectories(temp.resolve("workspace"));
            Path serverLog = Path.of(System.getProperty("gptoss.dist", "target")).resolve("runtime-image-it-server.log");
            var builder = new ProcessBuilder(launcher.toString()).directory(workspace.toFile())
                    .redirectError(serverLog.toFile());
            environment(builder, Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString()));
            Process server = builder.start();
            var editor = new QuietClient();
            var client = LSPLauncher.createClientLauncher(editor, server.getInputStream(), server.getOutputStream());
            var listening = client.startListening();
            var remote = client.getRemoteProxy();
            try {
                var params = new InitializeParams();
                params.setProcessId((int) ProcessHandle.current().pid());
                params.setRootUri(workspace.toUri().toString());
                params.setCapabilities(new ClientCapabilities());
                var initialized = remote.initialize(params).get(60, TimeUnit.SECONDS);
                assertEquals("gptoss-ls", initialized.getServerInfo().getName());
                remote.initialized(new InitializedParams());
                String uri = workspace.resolve("cart.py").toUri().toString();
                remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                        new TextDocumentItem(uri, "python", 1, "def total(items):\n    \n")));
                assertTrue(editor.awaitReady(), "the server never reported the fake model ready; see " + serverLog);
                List<InlineCompletionItem> items = remote.getTextDocumentService().inlineCompletion(new InlineCompletionParams(
                        new TextDocumentIdentifier(uri), new Position(1, 4),
                        new InlineCompletionContext(InlineCompletionTriggerKind.Invoked))).get(30, TimeUnit.SECONDS)
                        .getRight().getItems();
                assertFalse(items.isEmpty(), "no suggestion; see " + serverLog);
                assertEquals(ANSWER, items.get(0).getInsertText().getLeft().strip());
                remote.shutdown().get(30, TimeUnit.SECONDS);
                remote.exit();
                assertTrue(server.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, server.exitValue());
            } finally {
                server.destroyForcibly();
                listening.cancel(true);
            }
        }
    }

    private static Path home(FakeModelBackend backend) throws IOException {
        Path home = Files.createTempDirectory(temp, "home");
        Path config = home.resolve(".config/gptoss-ls/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"gptoss\": {\"endpoints\": [{\"name\": \"local\", \"url\": \"" + backend.url()
                + "\", \"api\": \"ollama\"}]}}");
        return home;
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        var builder = new ProcessBuilder(command).directory(temp.toFile());
        environment(builder, env);
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "no exit within 60 s: " + command);
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err),
                Files.readString(err));
    }

    /** A user's environment without Java: no java on PATH, no JAVA_HOME, nothing else of this JVM's. */
    private static void environment(ProcessBuilder builder, Map<String, String> env) {
        var environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("JAVA") || name.startsWith("JDK_") || name.equals("CLASSPATH"));
        environment.put("PATH", pathWithoutJava.toString());
        environment.putAll(env);
    }

    private static Path which(String command) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(command + " is not on PATH");
    }

    /** An editor that answers what it is asked, shows nothing and waits for the status to say ready. */
    static final class QuietClient implements LanguageClient {
        private final List<String> messages = new ArrayList<>();
        private String state = "";

        @JsonNotification("gptoss/status")
        public synchronized void status(JsonElement status) {
            if (status != null && status.isJsonObject() && status.getAsJsonObject().has("state")) {
                state = status.getAsJsonObject().get("state").getAsString();
                notifyAll();
            }
        }

        /** Until the fast model serves: "ready", or "degraded" (the fake has no gpt-oss:120b for the strong tier). */
        synchronized boolean awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!serving() && System.nanoTime() < deadline) {
                wait(100);
            }
            return serving();
        }

        private boolean serving() {
            return state.equals("ready") || state.equals("degraded");
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        }

        @Override
        public void showMessage(MessageParams message) {
            messages.add(message.getMessage());
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            messages.add(message.getMessage());
        }
    }
}
