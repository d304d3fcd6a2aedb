package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The start-up warm-up types through the whole completion stack, yet the user's model server,
 * metrics, caches and status never see it.
 */
class WarmUpProtocolTest {
    private FakeModelBackend backend;
    private LspSession session;

    @AfterEach
    void stop() {
        LspSession.closeAll(session, backend);
    }

    @ParameterizedTest
    @CsvSource({"OLLAMA, ollama, /api/generate", "VLLM, openai, /v1/completions"})
    void theWarmUpGetsSuggestionsFromItsOwnStubAndLeavesNoTrace(Flavor flavor, String api, String path) throws Exception {
        backend = FakeModelBackend.start(flavor);
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), api, "raw"));

        int answered = session.parts().warmedUp().get(60, TimeUnit.SECONDS);

        assertTrue(answered > 0, "the warm-up should get suggestions through the real path, got " + answered);
        assertEquals(List.of(), backend.requests(path), "no warm-up request reaches the user's model");
        JsonObject metrics = metrics();
        assertFalse(metrics.toString().contains("warm-up"), metrics.toString());
        assertFalse(metrics.has("completion") && metrics.getAsJsonObject("completion").get("count").getAsInt() > 0,
                metrics.toString());
        assertTrue(session.client.statuses.stream().noneMatch(s -> s.toString().contains("warm-up")),
                session.client.statuses.toString());
        Object shown = session.server.getWorkspaceService().executeCommand(
                new ExecuteCommandParams("gptoss.showContext", List.of())).get(10, TimeUnit.SECONDS);
        assertTrue(String.valueOf(shown).contains("No completion prompt"), "show-context shows the user's prompts only: "
                + shown);

        backend.behavior().answer("a + b");
        List<InlineCompletionItem> items = session.openAndComplete("file:///work/add.py", "python",
                "def add(a, b):\n    return |\n").get(10, TimeUnit.SECONDS);
        assertEquals("a + b", items.get(0).getInsertText().getLeft());
        assertEquals(1, backend.requests(path).size());
    }

    private JsonObject metrics() throws Exception {
        return session.server.metrics(JsonParser.parseString("{\"timeRange\": \"1h\"}").getAsJsonObject())
                .get(10, TimeUnit.SECONDS).getAsJsonObject();
    }
}
