package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cloned repository's {@code .gptoss.json} names an endpoint on another host (127.0.0.2 here) and
 * an environment variable to send as its key. Without the user's approval of that very content,
 * nothing reaches it; the editor never says the workspace is untrusted (as Neovim, Emacs or Helix).
 */
class WorkspaceTrustProtocolTest {
    private static final String CODE = "def add(a, b):\n    return |\n";
    @TempDir
    Path dir;
    private FakeModelBackend mine;
    private FakeModelBackend foreign;
    private LspSession session;
    private Path root;
    private Path workspaceFile;
    private Path userFile;

    @BeforeEach
    void setUp() throws Exception {
        mine = FakeModelBackend.start(Flavor.OLLAMA);
        mine.behavior().answer("mine");
        foreign = FakeModelBackend.start(Flavor.OLLAMA, "127.0.0.2", 0);
        foreign.behavior().answer("theirs");
        userFile = dir.resolve("xdg/gptoss-ls/config.json");
        Files.createDirectories(userFile.getParent());
        Files.writeString(userFile, "{\"gptoss\": {\"endpoints\": [{\"name\": \"mine\", \"url\": \"" + mine.url()
                + "\", \"promptMode\": \"raw\"}], \"health\": {\"intervalMs\": 200}}}");
        root = Files.createDirectories(dir.resolve("cloned"));
        workspaceFile = root.resolve(".gptoss.json");
        Files.writeString(workspaceFile, "{\"gptoss\": {\"endpoints\": [{\"name\": \"theirs\", \"url\": \"" + foreign.url()
                + "\", \"promptMode\": \"raw\", \"apiKeyEnv\": \"FAKE_API_KEY\"}], \"completion\": {\"maxTokens\": 40}}}");
    }

    @AfterEach
    void close() {
        LspSession.closeAll(session, mine, foreign);
    }

    @Test
    void anUnapprovedFileSendsNothingToItsEndpointButItsOtherSettingsApply() throws Exception {
        start();
        assertEquals("mine", complete("file:///w/a.py"));
        assertEquals(List.of(), foreign.requests(), "no probe, no completion, no key reaches the foreign host");
        assertEquals(40, session.parts().config().current().completion().maxTokens(), "its other settings apply");

        var message = session.client.awaitMessageContaining(workspaceFile + " is not approved", Duration.ofSeconds(5));
        assertEquals(MessageType.Warning, message.getType());
        assertTrue(message.getMessage().contains("gptoss-ls trust " + root), message.getMessage());
        JsonObject file = workspaceFileStatus();
        assertEquals("not-approved", file.get("approval").getAsString());
        assertEquals("[\"endpoints\"]", file.get("withheld").toString());
        assertEquals("gptoss-ls trust " + root, file.get("fix").getAsString());
        String fix = session.statusObject().get("fix").getAsString();
        assertTrue(fix.startsWith("gptoss-ls trust " + root), fix);
    }

    @Test
    void anApprovedFileIsUsedUntilItChanges() throws Exception {
        session = new LspSession(userFile);
        var hash = dev.gptoss.ls.config.WorkspaceConfigFile.read(workspaceFile, session.parts().userConfig(),
                new com.fasterxml.jackson.databind.ObjectMapper()).sha256();
        session.parts().userConfig().approve(workspaceFile, hash);
        session.initialize("{}", root);

        assertEquals("theirs", complete("file:///w/a.py"));
        assertTrue(foreign.requests().stream().anyMatch(r -> "Bearer sk-test-123".equals(r.header("Authorization"))),
                "approved: its key goes with the code");

        Files.writeString(workspaceFile, Files.readString(workspaceFile).replace("\"maxTokens\": 40", "\"maxTokens\": 41"));
        session.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                new FileEvent(workspaceFile.toUri().toString(), FileChangeType.Changed))));
        assertEquals("changed-since-approval", workspaceFileStatus().get("approval").getAsString());
        awaitServedBy("mine");
        // A health probe that started before the edit may still finish; no code goes there after it.
        int before = foreign.requests("/api/generate").size();
        assertEquals("mine", complete("file:///w/b.py"));
        assertEquals(before, foreign.requests("/api/generate").size(), "an edited file must be approved again");
    }

    @Test
    void theEditorCanApproveWhatItShowedTheUser() throws Exception {
        start();
        String shown = workspaceFileStatus().get("sha256").getAsString();
        var wrong = assertThrows(ExecutionException.class, () -> approve("0".repeat(64)));
        assertTrue(wrong.getCause().getMessage().contains("has changed since it was shown to you"), wrong.getMessage());
        assertEquals(List.of(), foreign.requests());

        approve(shown);
        assertEquals("approved", workspaceFileStatus().get("approval").getAsString());
        assertTrue(Files.readString(userFile).contains(shown), "recorded in the user's file");
        awaitServedBy("theirs");
        assertEquals("theirs", complete("file:///w/a.py"));
    }

    @Test
    void anApprovalGivenAtTheTerminalIsPickedUpWhileTheEditorRuns() throws Exception {
        start();
        assertEquals("not-approved", workspaceFileStatus().get("approval").getAsString());
        // What `gptoss-ls trust` does, from another process.
        var terminal = new dev.gptoss.ls.config.UserConfigFile(userFile, com.fasterxml.jackson.databind.ObjectMapper::new);
        terminal.approve(workspaceFile, workspaceFileStatus().get("sha256").getAsString());
        session.client.awaitStatus(s -> s.getAsJsonObject().has("configuration")
                && s.getAsJsonObject().getAsJsonObject("configuration").has("workspaceFile")
                && s.getAsJsonObject().getAsJsonObject("configuration").getAsJsonObject("workspaceFile")
                        .get("approval").getAsString().equals("approved"), Duration.ofSeconds(10));
        awaitServedBy("theirs");
        assertEquals("theirs", complete("file:///w/a.py"));
    }

    /** A new configuration takes over once its endpoints are checked: wait for that. */
    private void awaitServedBy(String endpoint) throws InterruptedException {
        session.client.awaitStatus(s -> s.getAsJsonObject().has("instances")
                && s.getAsJsonObject().getAsJsonArray("instances").size() > 0
                && s.getAsJsonObject().getAsJsonArray("instances").asList().stream()
                        .map(com.google.gson.JsonElement::getAsJsonObject)
                        .allMatch(i -> i.get("endpoint").getAsString().equals(endpoint)
                                && (!i.get("tier").getAsString().equals("fast") || i.get("state").getAsString().equals("ready"))),
                Duration.ofSeconds(10));
    }

    private void start() throws Exception {
        session = new LspSession(userFile);
        session.initialize("{}", root);
    }

    private String complete(String uri) throws Exception {
        var items = session.openAndComplete(uri, "python", CODE).get(10, TimeUnit.SECONDS);
        return items.isEmpty() ? "" : items.get(0).getInsertText().getLeft();
    }

    private JsonObject workspaceFileStatus() throws Exception {
        return session.statusObject()
                .getAsJsonObject("configuration").getAsJsonObject("workspaceFile");
    }

    private void approve(String sha256) throws Exception {
        session.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                "gptoss.approveWorkspaceFile", List.of(sha256))).get(10, TimeUnit.SECONDS);
    }
}
