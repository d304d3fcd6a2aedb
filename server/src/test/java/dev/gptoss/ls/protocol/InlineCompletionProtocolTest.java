package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.Await;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.HarmonyLeak;
import dev.gptoss.fake.ReasoningField;
import dev.gptoss.fake.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inline completion through real JSON-RPC against the fake model backend. */
class InlineCompletionProtocolTest {
    private static final String URI = "file:///work/calc.py";
    private static final String MID_LINE = "def add(a, b):\n    return |\n";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeModelBackend backend;
    private LspSession session;

    @AfterEach
    void stop() {
        LspSession.closeAll(session, backend);
    }

    @Test
    void ollamaRawHarmonyLeaksNeitherReasoningNorSpecialTokens() throws Exception {
        start(Flavor.OLLAMA, "ollama", "raw");
        backend.behavior().answer("a + b").reasoning("The user wants the sum, I think.")
                .reasoningField(ReasoningField.THINKING).harmonyLeak(HarmonyLeak.FULL);

        assertEquals("a + b", onlySuggestion(session.openAndComplete(URI, "python", MID_LINE).get(10, TimeUnit.SECONDS)));

        RecordedRequest request = backend.requests("/api/generate").get(0);
        assertTrue(request.json().path("raw").asBoolean());
        assertTrue(request.json().path("prompt").asText().endsWith("<|start|>assistant<|channel|>final<|message|>"));
        assertTrue(request.json().path("prompt").asText().contains("    return <CURSOR>\n"));
    }

    @Test
    void ollamaChatIsUsedWhenRawPromptsAreRefused() throws Exception {
        start(Flavor.OLLAMA, "ollama", "auto");
        backend.behavior().rawPromptsSupported(false).answer("```python\na + b\n```")
                .reasoning("Thinking about sums.").reasoningField(ReasoningField.THINKING);

        assertEquals("a + b", onlySuggestion(session.openAndComplete(URI, "python", MID_LINE).get(10, TimeUnit.SECONDS)));

        RecordedRequest chat = backend.requests("/api/chat").get(0);
        assertEquals("low", chat.json().path("think").asText());
        assertTrue(chat.json().path("messages").get(1).path("content").asText().contains("return <CURSOR>"));
    }

    @Test
    void openAiRawCompletionsWithTrailingStopToken() throws Exception {
        start(Flavor.VLLM, "openai", "raw");
        backend.behavior().answer("a + b").harmonyLeak(HarmonyLeak.TRAILING);

        assertEquals("a + b", onlySuggestion(session.openAndComplete(URI, "python", MID_LINE).get(10, TimeUnit.SECONDS)));
        RecordedRequest request = backend.requests("/v1/completions").get(0);
        assertEquals("Bearer sk-test-123", request.header("Authorization"));
    }

    @Test
    void openAiChatDropsEachReasoningField() throws Exception {
        start(Flavor.LLAMACPP, "openai", "chat");
        for (ReasoningField field : ReasoningField.values()) {
            backend.reset();
            backend.behavior().answer("a + b").reasoning("secret reasoning " + field).reasoningField(field)
                    .harmonyLeakInChat(field == ReasoningField.REASONING_CONTENT);
            session.changeWhole(URI, "x = 1\n");
            var items = session.openAndComplete(URI + field, "python", MID_LINE).get(10, TimeUnit.SECONDS);
            assertEquals("a + b", onlySuggestion(items), "reasoning in " + field);
            assertEquals("low", backend.requests("/v1/chat/completions").get(0).json().path("reasoning_effort").asText());
        }
    }

    @Test
    void cancelRequestAbortsTheBackendRequest() throws Exception {
        start(Flavor.OLLAMA, "ollama", "raw");
        backend.behavior().firstTokenDelay(Duration.ofSeconds(8));

        var pending = session.openAndCompleteRequest(URI, "python", MID_LINE);
        RecordedRequest request = awaitRequest("/api/generate");
        pending.cancel(true);

        assertTrue(backend.awaitHangUp(request, WAIT), "the backend should see the client hang up");
    }

    @Test
    void aNewerDocumentVersionAbortsTheBackendRequestAndAnswersNothing() throws Exception {
        start(Flavor.OLLAMA, "ollama", "raw");
        backend.behavior().firstTokenDelay(Duration.ofSeconds(8));

        var pending = session.openAndComplete(URI, "python", MID_LINE);
        RecordedRequest request = awaitRequest("/api/generate");
        session.changeWhole(URI, "def add(a, b):\n    return a\n");

        assertEquals(List.of(), pending.get(10, TimeUnit.SECONDS));
        assertTrue(backend.awaitHangUp(request, WAIT));
    }

    @Test
    void backendErrorsGiveNoSuggestionAndNoPopup() throws Exception {
        start(Flavor.OLLAMA, "ollama", "raw");
        backend.behavior().failWithStatus(500);
        assertEquals(List.of(), session.openAndComplete(URI, "python", MID_LINE).get(10, TimeUnit.SECONDS));

        backend.behavior().reset().answer("a + b").dropAfterChunks(1);
        session.changeWhole(URI, "def add(a, b):\n    return \n");
        assertEquals(List.of(), session.inline(URI, new Position(1, 11)).get(10, TimeUnit.SECONDS));

        backend.behavior().reset().answer("a + b");
        session.changeWhole(URI, "def add(a, b):\n    return \n");
        assertEquals("a + b", onlySuggestion(session.inline(URI, new Position(1, 11)).get(10, TimeUnit.SECONDS)),
                "the server still answers after failures");
        assertFalse(session.client.messages.stream().anyMatch(m -> m.getType() == MessageType.Error));
    }

    @Test
    void badPositionsAndUnknownDocumentsAreInvalidParams() throws Exception {
        start(Flavor.OLLAMA, "ollama", "raw");
        session.open(URI, "python", "x = 1\n");

        assertInvalidParams(() -> session.inline(URI, new Position(7, 0)).get(10, TimeUnit.SECONDS));
        assertInvalidParams(() -> session.inline(URI, new Position(0, 40)).get(10, TimeUnit.SECONDS));
        assertInvalidParams(() -> session.inline("file:///never-opened.py", new Position(0, 0)).get(10, TimeUnit.SECONDS));
        assertEquals(0, backend.requests("/api/generate").size());
    }

    @Test
    void crlfAndEmojiLinesCompleteAtTheRightPlace() throws Exception {
        start(Flavor.OLLAMA, "ollama", "raw");
        backend.behavior().answer("\"😀 done\")");
        String text = "# ünïcode 😀\r\nprint(\"😀 start\")\r\nprint(\r\n";
        session.open(URI, "python", text);
        // Line 2 is "print(": UTF-16 column 6 is its end.
        var items = session.inline(URI, new Position(2, 6)).get(10, TimeUnit.SECONDS);

        assertEquals("\"😀 done\")", onlySuggestion(items));
        assertEquals(new Range(new Position(2, 6), new Position(2, 6)), items.get(0).getRange());
        String prompt = backend.requests("/api/generate").get(0).json().path("prompt").asText();
        assertTrue(prompt.contains("print(\"😀 start\")\r\nprint(<CURSOR>\r\n"), prompt);
    }

    @Test
    void invalidSettingsAreNamedAndThePreviousOnesStay() throws Exception {
        start(Flavor.OLLAMA, "ollama", "raw");
        backend.behavior().answer("a + b");
        session.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(
                com.google.gson.JsonParser.parseString("{\"gptoss\": {\"endpoints\": [{\"name\": \"x\", \"url\": \"nope\"}]}}")));

        var message = session.client.awaitMessage(WAIT);
        assertEquals(MessageType.Error, message.getType());
        assertTrue(message.getMessage().contains("gptoss.endpoints[0].url"), message.getMessage());
        assertEquals("a + b", onlySuggestion(session.openAndComplete(URI, "python", MID_LINE).get(10, TimeUnit.SECONDS)));
    }

    @Test
    void statusTurnsReadyThenOfflineWhenTheBackendStops() throws Exception {
        start(Flavor.OLLAMA, "ollama", "auto");
        session.client.awaitStatus(s -> s.getAsJsonObject().get("state").getAsString().equals("ready"), WAIT);
        var ready = session.client.awaitStatus(s -> s.getAsJsonObject().getAsJsonArray("instances").get(0)
                .getAsJsonObject().get("promptMode").getAsString().equals("raw"), WAIT);
        assertEquals("gpt-oss:20b", ready.getAsJsonObject().get("model").getAsString());

        backend.close();
        var offline = session.client.awaitStatus(s -> s.getAsJsonObject().get("state").getAsString().equals("offline"), WAIT);
        assertTrue(offline.getAsJsonObject().get("fix").getAsString().contains("ollama serve"));
        assertEquals(MessageType.Warning, session.client.awaitMessage(WAIT).getType());
    }

    @Test
    void showContextBeforeAnyCompletionSaysSoInsteadOfAnsweringNothing() throws Exception {
        start(Flavor.OLLAMA, "ollama", "raw");
        Object answer = session.server.getWorkspaceService().executeCommand(
                new org.eclipse.lsp4j.ExecuteCommandParams("gptoss.showContext", List.of())).get(10, TimeUnit.SECONDS);
        var json = assertInstanceOf(java.util.Map.class, answer);
        assertTrue(String.valueOf(json.get("message")).contains("No completion prompt"), json.toString());
        assertEquals(List.of(), json.get("sources"));
    }

    private void start(Flavor flavor, String api, String promptMode) throws Exception {
        backend = FakeModelBackend.start(flavor);
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), api, promptMode));
    }

    private RecordedRequest awaitRequest(String path) throws InterruptedException {
        Await.until("a request to " + path, () -> !backend.requests(path).isEmpty(), WAIT);
        return backend.requests(path).get(0);
    }

    private static String onlySuggestion(List<InlineCompletionItem> items) {
        assertEquals(1, items.size(), "suggestions: " + items);
        return items.get(0).getInsertText().getLeft();
    }

    private static void assertInvalidParams(org.junit.jupiter.api.function.Executable call) {
        var error = assertThrows(ExecutionException.class, call);
        var cause = assertInstanceOf(ResponseErrorException.class, error.getCause());
        assertEquals(ResponseErrorCode.InvalidParams.getValue(), cause.getResponseError().getCode());
    }
}
