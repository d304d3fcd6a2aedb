package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Context through real JSON-RPC: a file using a helper defined in another (unopened) workspace
 * file gets that definition in the prompt the backend receives, and not an unrelated one.
 */
class ContextProtocolTest {
    private static final Path FIXTURES = Path.of("..", "test-workspace", "context");

    private FakeModelBackend backend;
    private LspSession session;

    @AfterEach
    void stop() {
        LspSession.closeAll(session, backend);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "python, app.py, Multiply each component of vector by factor., parse_invoice",
            "java, App.java, 'static double[] scaleVector(double[] vector, double factor)', parseInvoice",
            "typescript, app.ts, 'export function scaleVector(vector: number[], factor: number)', parseInvoice",
            "typescriptreact, Cart.tsx, 'export function PriceTag({ amount, currency }: PriceTagProps)', parseInvoice",
            "javascript, app.js, 'export function scaleVector(vector, factor)', parseInvoice",
            "go, main.go, 'func ScaleVector(vector []float64, factor float64) []float64', ParseInvoice",
            "rust, main.rs, 'pub fn scale_vector(vector: &[f64], factor: f64) -> Vec<f64>', parse_invoice"})
    void theHelperFromAnotherFileIsInThePromptAndAnUnrelatedOneIsNot(String language, String file, String helper,
                                                                      String unrelated) throws Exception {
        Path root = FIXTURES.resolve(language);
        String prompt = completeAtEnd(root, file, language);

        assertTrue(prompt.contains(helper), "the helper's definition should be in the prompt:\n" + prompt);
        assertFalse(prompt.contains(unrelated), "an unrelated definition should not be:\n" + prompt);
        assertTrue(prompt.indexOf(helper) < prompt.lastIndexOf("<CURSOR>"), "context comes before the cursor text");
    }

    @Test
    void showContextListsEachSourceWithTokenCounts() throws Exception {
        completeAtEnd(FIXTURES.resolve("python"), "app.py", "python");

        JsonObject result = new Gson().toJsonTree(session.server.getWorkspaceService()
                .executeCommand(new ExecuteCommandParams("gptoss.showContext", List.of())).get(10, TimeUnit.SECONDS))
                .getAsJsonObject();

        assertEquals(2048, result.get("budgetTokens").getAsInt());
        int used = result.get("usedTokens").getAsInt();
        assertTrue(used > 0 && used <= 2048, "used " + used);
        var sources = result.getAsJsonArray("sources");
        int sum = 0;
        boolean definition = false;
        for (var s : sources) {
            sum += s.getAsJsonObject().get("tokens").getAsInt();
            definition |= s.getAsJsonObject().get("source").getAsString().equals("definition")
                    && s.getAsJsonObject().get("text").getAsString().contains("def scale_vector");
        }
        assertTrue(definition, sources.toString());
        assertEquals(used, sum, "the sources add up to the tokens used");
        assertEquals("cursor", sources.get(sources.size() - 1).getAsJsonObject().get("source").getAsString());
    }

    @Test
    void theStatusSaysWhenTheWorkspaceIndexIsReadyAndHowManyFilesItHolds() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "raw"), FIXTURES.resolve("python"));

        JsonElement status = session.client.awaitStatus(s -> s.getAsJsonObject().has("index")
                && s.getAsJsonObject().getAsJsonObject("index").get("state").getAsString().equals("ready"),
                Duration.ofSeconds(30));

        assertEquals(3, status.getAsJsonObject().getAsJsonObject("index").get("files").getAsInt(), status.toString());
    }

    @Test
    void excludedFilesNeverReachThePrompt() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        backend.behavior().answer("x");
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "raw"), FIXTURES.resolve("python"));
        session.open("file:///work/secrets/.env.py", "python", "API_TOKEN_VALUE = 'sk-live-123'\n");
        session.open("file:///work/open.py", "python", "API_TOKEN_VALUE = 'sk-live-123'\nprint(API_TOKEN_VALUE)\n");
        session.open("file:///work/use.py", "python", "print(API_TOKEN_VALUE)\nx = \n");
        session.parts().context().syntax().awaitTree("file:///work/open.py", 1, 2000);

        session.inline("file:///work/use.py", new Position(1, 4)).get(10, TimeUnit.SECONDS);
        String prompt = backend.requests("/api/generate").get(0).json().path("prompt").asText();
        assertFalse(prompt.contains(".env.py"), prompt);
        assertTrue(prompt.contains("open.py"), "the same text from a file that is not excluded is used:\n" + prompt);
    }

    private String completeAtEnd(Path root, String file, String language) throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        backend.behavior().answer("x");
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "raw"), root);
        session.parts().context().index().ready().get(30, TimeUnit.SECONDS);
        String text = Files.readString(root.resolve(file));
        String uri = root.toAbsolutePath().normalize().resolve(file).toUri().toString();
        session.open(uri, language, text);
        String[] lines = text.split("\n", -1);
        session.inline(uri, new Position(lines.length - 1, lines[lines.length - 1].length())).get(10, TimeUnit.SECONDS);
        return backend.requests("/api/generate").get(0).json().path("prompt").asText();
    }
}
