package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
import dev.gptoss.ls.CapturedLog;
import dev.gptoss.ls.guard.PlantedSecrets;
import dev.gptoss.ls.guard.PromptGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 through real JSON-RPC: what reaches the fake model backend, and what does not. */
class GuardProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CODE_END = "\n\ndef total(items):\n    return |\n";

    private FakeModelBackend backend;
    private LspSession session;

    @AfterEach
    void stop() {
        LspSession.closeAll(session, backend);
    }

    @Test
    void noPlantedSecretLeavesInAnyForm() throws Exception {
        start("auto", "");
        // Raw prompts refused: the first file is asked for in both prompt modes.
        backend.behavior().answer("sum(items)").rawPromptsSupported(false);
        String env = "file:///work/app/.env";

        assertEquals("sum(items)", only(session.openAndComplete("file:///work/app/billing.py", "python",
                code(0)).get(10, TimeUnit.SECONDS)));
        assertEquals("sum(items)", only(session.openAndComplete("file:///work/app/settings.py", "python",
                code(1)).get(10, TimeUnit.SECONDS)));
        // The cursor inside a token: the token is still found whole.
        session.inline("file:///work/app/billing.py", new Position(2, 30)).get(10, TimeUnit.SECONDS);
        int before = modelRequests().size();
        session.open(env, "dotenv", PlantedSecrets.dotEnv(2));
        assertEquals(List.of(), session.inline(env, new Position(3, 4)).get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), session.inline(env, new Position(0, 0)).get(10, TimeUnit.SECONDS));

        JsonElement status = session.client.awaitStatus(s -> s.getAsJsonObject().has("guard"), WAIT);
        assertTrue(status.getAsJsonObject().get("guard").getAsString().contains(".env*"), status.toString());
        assertEquals(before, modelRequests().size(), "the .env file must never be sent");
        List<String> completionBodies = modelRequests().stream().map(RecordedRequest::body)
                .filter(body -> body.contains("<CURSOR>")).toList();
        assertTrue(completionBodies.size() >= 3, "raw and chat requests expected: " + completionBodies);
        assertTrue(completionBodies.stream().allMatch(body -> body.contains("<redacted:github-token:")));
        assertNoSecretIn(backend.requests().stream().map(RecordedRequest::body).toList());
    }

    @Test
    void aSuggestionThatWouldReinsertASecretOrAPlaceholderIsDropped() throws Exception {
        start("raw", "");
        String token = PlantedSecrets.all(0).get(0).secret();
        backend.behavior().answer("\"" + token + "\"");
        assertEquals(List.of(), session.openAndComplete("file:///work/app/a.py", "python",
                "token = \"" + token + "\"\nother = |\n").get(10, TimeUnit.SECONDS));

        backend.behavior().answer("<redacted:github-token:1>");
        session.changeWhole("file:///work/app/a.py", "token = \"" + token + "\"\nother = \n");
        assertEquals(List.of(), session.inline("file:///work/app/a.py", new Position(1, 8)).get(10, TimeUnit.SECONDS));
    }

    @Test
    void binaryAndLongLinedDocumentsGetNoModelRequestButStayInSync() throws Exception {
        start("raw", "");
        backend.behavior().answer("a + b");
        String uri = "file:///work/app/blob.py";
        assertEquals(List.of(), session.openAndComplete(uri, "python", "\0\0\0ELF|\0\0\n").get(10, TimeUnit.SECONDS));
        session.changeWhole(uri, "x = 1\n" + "y".repeat(5000) + "\nz = \n");
        assertEquals(List.of(), session.inline(uri, new Position(2, 4)).get(10, TimeUnit.SECONDS));
        assertEquals(0, backend.requests("/api/generate").size());

        session.changeWhole(uri, "def add(a, b):\n    return \n");
        assertEquals("a + b", only(session.inline(uri, new Position(1, 11)).get(10, TimeUnit.SECONDS)));
        session.client.awaitStatus(s -> !s.getAsJsonObject().has("guard"), WAIT);
    }

    @Test
    void traceLogsRequestsRedactedAndNeverTheApiKey() throws Exception {
        List<String> logged;
        try (var log = CapturedLog.of(PromptGuard.class)) {
            start("raw", ", \"guard\": {\"trace\": true}");
            backend.behavior().answer("sum(items)");
            String marked = "FAKE_KEY = \"sk-test-123\"\n" + code(4);
            assertEquals("sum(items)", only(session.openAndComplete("file:///work/app/t.py", "python", marked)
                    .get(10, TimeUnit.SECONDS)));
            logged = log.messages();
        }
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("Model request") && l.contains("<redacted:api-key:")),
                String.join("\n", logged));
        assertTrue(logged.stream().anyMatch(l -> l.equals("Suggestion: sum(items)")));
        assertTrue(logged.stream().noneMatch(l -> l.contains("sk-test-123")));
        assertNoSecretIn(logged);
        assertNoSecretIn(backend.requests().stream().map(RecordedRequest::body).toList());
    }

    @Test
    void anUntrustedWorkspaceKeepsItsConfigFileOut(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve(".gptoss.json"), "{\"gptoss\": {\"completion\": {\"maxTokens\": 7}}}");
        for (boolean trusted : new boolean[] {true, false}) {
            try (var fresh = new LspSession()) {
                var params = new InitializeParams();
                params.setCapabilities(new ClientCapabilities());
                params.setRootUri(root.toUri().toString());
                params.setInitializationOptions(JsonParser.parseString(
                        "{\"gptoss\": {\"workspaceTrusted\": " + trusted + "}}"));
                fresh.server.initialize(params).get(10, TimeUnit.SECONDS);
                // Settings are in force once initialized is handled, as for every message after it.
                fresh.server.initialized(new InitializedParams());
                fresh.server.status().get(10, TimeUnit.SECONDS); // answered only after initialized
                assertEquals(trusted, fresh.parts().workspaceTrusted());
                assertEquals(trusted ? 7 : 64, fresh.parts().config().current().completion().maxTokens());
            }
        }
    }

    private void start(String promptMode, String extraSettings) throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        session = new LspSession();
        String settings = LspSession.settingsFor(backend.url(), "ollama", promptMode);
        session.initialize(settings.substring(0, settings.lastIndexOf('}')) + extraSettings + "}");
    }

    private List<RecordedRequest> modelRequests() {
        return backend.requests().stream()
                .filter(r -> r.path().equals("/api/generate") || r.path().equals("/api/chat")).toList();
    }

    private static String code(int variant) {
        var text = new StringBuilder("import os\n\n");
        for (PlantedSecrets.Planted planted : PlantedSecrets.all(variant)) {
            text.append(planted.line()).append('\n');
        }
        return text.append(CODE_END).toString();
    }

    private static void assertNoSecretIn(List<String> texts) {
        for (int variant : new int[] {0, 1, 2, 4}) {
            for (PlantedSecrets.Planted planted : PlantedSecrets.all(variant)) {
                for (String form : PlantedSecrets.leakForms(planted.secret())) {
                    for (String text : texts) {
                        assertFalse(text.contains(form), planted.kind() + " left in the form " + form + ": " + text);
                    }
                }
            }
        }
    }

    private static String only(List<InlineCompletionItem> items) {
        assertEquals(1, items.size(), "suggestions: " + items);
        return items.get(0).getInsertText().getLeft();
    }
}
