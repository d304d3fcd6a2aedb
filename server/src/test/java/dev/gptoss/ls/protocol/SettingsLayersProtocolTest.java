package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings layers as editors send them: Emacs' eglot sends {@code {"settings":{}}} right after
 * start, Neovim an empty {@code settings} table; neither may lose what the user configured.
 */
class SettingsLayersProtocolTest {
    @TempDir
    Path dir;
    private FakeModelBackend backend;
    private LspSession session;

    @AfterEach
    void close() {
        LspSession.closeAll(session, backend);
    }

    @Test
    void emptyEditorSettingsLeaveTheConfigurationInForce() throws Exception {
        start();
        GptossConfig before = session.parts().config().current();
        for (String empty : List.of("{}", "{\"gptoss\": {}}", "null", "{\"gptoss\": null}", "{\"pylsp\": {}}")) {
            changeSettings(empty);
            assertEquals(before, session.parts().config().current(), "after " + empty);
        }
        backend.behavior().answer("a + b");
        var items = session.openAndComplete("file:///w/calc.py", "python", "def add(a, b):\n    return |\n")
                .get(10, TimeUnit.SECONDS);
        assertEquals("a + b", items.get(0).getInsertText().getLeft());
    }

    @Test
    void aFieldThatIsPresentReplacesOnlyItself() throws Exception {
        start();
        changeSettings("{\"gptoss\": {\"completion\": {\"maxTokens\": 12}}}");
        GptossConfig now = session.parts().config().current();
        assertEquals(12, now.completion().maxTokens());
        assertEquals(5000, now.completion().timeoutMs(), "the startup options' timeout stays");
        assertEquals(backend.url(), now.endpoints().get(0).url(), "the startup options' endpoint stays");
        // Editors send their whole section each time: a field the user removed is gone, and what the
        // startup options set shows through again.
        changeSettings("{}");
        assertEquals(64, session.parts().config().current().completion().maxTokens());
        assertEquals(backend.url(), session.parts().config().current().endpoints().get(0).url());
    }

    @Test
    void anInvalidValueIsNamedAndThePreviousConfigurationStays() throws Exception {
        start();
        GptossConfig before = session.parts().config().current();
        changeSettings("{\"gptoss\": {\"completion\": {\"maxTokens\": 0}, \"endpoints\": [{\"name\": \"x\", \"url\": \"ftp://h\"}]}}");
        var message = session.client.awaitMessageContaining("invalid configuration", Duration.ofSeconds(5));
        assertEquals(MessageType.Error, message.getType());
        assertTrue(message.getMessage().contains("the editor's settings"), message.getMessage());
        assertTrue(message.getMessage().contains("gptoss.endpoints[0].url"), message.getMessage());
        assertTrue(message.getMessage().contains("previous configuration stays"), message.getMessage());
        assertEquals(before, session.parts().config().current());
    }

    @Test
    void eachLayerSetsWhatItHasAndTheStatusSaysWhichSetTheEndpoints() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        Path userFile = dir.resolve("xdg/gptoss-ls/config.json");
        Files.createDirectories(userFile.getParent());
        Files.writeString(userFile, "{\"gptoss\": {\"endpoints\": [{\"name\": \"mine\", \"url\": \"" + backend.url()
                + "\"}], \"completion\": {\"maxTokens\": 20, \"timeoutMs\": 3000}}}");
        Path root = Files.createDirectories(dir.resolve("project"));
        Files.writeString(root.resolve(".gptoss.json"), "{\"gptoss\": {\"completion\": {\"maxTokens\": 30}}}");
        session = new LspSession(userFile);
        session.initialize("{\"completion\": {\"temperature\": 0.5}}", root);

        GptossConfig config = session.parts().config().current();
        assertEquals(backend.url(), config.endpoints().get(0).url(), "endpoints from the user's file");
        assertEquals(30, config.completion().maxTokens(), "the workspace file wins over the user's file");
        assertEquals(3000, config.completion().timeoutMs(), "what the workspace file does not set stays");
        assertEquals(0.5, config.completion().temperature(), "the editor's startup options on top");
        var status = session.statusObject();
        assertEquals("the user configuration file",
                status.getAsJsonObject("configuration").get("endpointsFrom").getAsString());
    }

    private void start() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "raw"));
    }

    /** Sends {@code workspace/didChangeConfiguration}; a request after it says when it was handled. */
    private void changeSettings(String settings) throws Exception {
        session.server.getWorkspaceService().didChangeConfiguration(
                new DidChangeConfigurationParams(JsonParser.parseString(settings)));
        session.server.status().get(10, TimeUnit.SECONDS);
    }
}
