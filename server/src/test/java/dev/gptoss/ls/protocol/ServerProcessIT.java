package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.ReasoningField;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlineCompletionContext;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.Test;

/** The built jar over stdio, as an editor starts it, against the fake backend. */
class ServerProcessIT {
    private static final String URI = "file:///work/calc.py";

    @Test
    void theJarCompletesOverStdioAndWritesOnlyProtocolToStdout() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.VLLM); var server = new ServerProcess(List.of())) {
            backend.behavior().answer("a + b").reasoning("hidden thoughts").reasoningField(ReasoningField.REASONING);
            var init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setCapabilities(new ClientCapabilities());
            init.setInitializationOptions(JsonParser.parseString(
                    "{\"gptoss\": " + LspSession.settingsFor(backend.url(), "openai", "auto") + "}"));
            var result = server.server.initialize(init).get(30, TimeUnit.SECONDS);
            assertTrue(result.getCapabilities().getInlineCompletionProvider().getLeft());
            server.server.initialized(new InitializedParams());
            server.client.awaitStatus(s -> s.getAsJsonObject().get("state").getAsString().equals("ready"),
                    Duration.ofSeconds(20));

            server.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(URI, "python", 1, "def add(a, b):\n    return \n")));
            var items = server.server.getTextDocumentService().inlineCompletion(new InlineCompletionParams(
                    new TextDocumentIdentifier(URI), new Position(1, 11),
                    new InlineCompletionContext(InlineCompletionTriggerKind.Automatic))).get(30, TimeUnit.SECONDS);
            assertEquals("a + b", items.getRight().getItems().get(0).getInsertText().getLeft(), server.stderr());

            server.server.shutdown().get(10, TimeUnit.SECONDS);
            server.server.exit();
            assertTrue(server.awaitExit(10), "the server should exit after shutdown and exit");
            assertEquals(0, server.process.exitValue());
            assertTrue(server.stdoutFrames().size() >= 3);
            assertTrue(server.stdoutFrames().stream().noneMatch(frame -> frame.contains("hidden thoughts")));
        }
    }

    @Test
    void theServerExitsWhenTheEditorProcessDies() throws Exception {
        Process editor = new ProcessBuilder("sleep", "60").start();
        try (var server = new ServerProcess(List.of())) {
            var init = new InitializeParams();
            init.setProcessId((int) editor.pid());
            init.setCapabilities(new ClientCapabilities());
            server.server.initialize(init).get(30, TimeUnit.SECONDS);
            editor.destroy();
            assertTrue(server.awaitExit(15), "the server should notice its editor is gone");
        } finally {
            editor.destroyForcibly();
        }
    }
}
