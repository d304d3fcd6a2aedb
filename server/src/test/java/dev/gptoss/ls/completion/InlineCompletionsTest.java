package dev.gptoss.ls.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.Await;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.config.CompletionSettings;
import dev.gptoss.ls.config.GuardSettings;
import dev.gptoss.ls.config.RoutingSettings;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.concurrent.ForegroundWork;
import dev.gptoss.ls.context.PromptContext;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.guard.GlobExclusions;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.routing.HealthMonitor;
import dev.gptoss.ls.routing.ModelInstance;
import dev.gptoss.ls.routing.ModelInstances;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.routing.ScriptedModelClient;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inline completions over a router whose one model client the test scripts; no LSP, no HTTP. */
class InlineCompletionsTest {
    private static final String URI = "file:///work/calc.py";
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedModelClient model = new ScriptedModelClient("local");
    private final DocumentStore documents = new DocumentStore();
    private CompletionSettings settings = CompletionSettings.DEFAULT;
    private InlineCompletions completions;

    @AfterEach
    void stop() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void theModelsAnswerBecomesTheSuggestion() throws Exception {
        start();
        model.answers("a + b");
        assertEquals(Optional.of("a + b"), suggestionAt("def add(a, b):\n    return |\n"));
        assertEquals(1, model.requests.size());
    }

    @Test
    void typingWhatWasSuggestedNeedsNoNewModelCall() throws Exception {
        start();
        model.answers("a + b");
        assertEquals(Optional.of("a + b"), suggestionAt("def add(a, b):\n    return |\n"));

        documents.change(URI, 2, List.of(DocumentStore.Change.wholeText("def add(a, b):\n    return a\n")));
        DocumentSnapshot typed = documents.find(URI).orElseThrow();
        var next = completions.complete(new CompletionQuery(typed, "def add(a, b):\n    return a".length(), true))
                .get(5, TimeUnit.SECONDS);

        assertEquals(Optional.of(" + b"), next.map(Suggestion::text));
        assertEquals(1, model.requests.size());
    }

    @Test
    void aSecretInTheCodeNeverReachesTheModel() throws Exception {
        start();
        model.answers("connect(url)");
        String key = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        suggestionAt("GITHUB_TOKEN = \"" + key + "\"\nclient = |\n");
        String prompt = model.requests.get(0).rawPrompt();
        assertFalse(prompt.contains(key), prompt);
        assertTrue(prompt.contains("<redacted:"), prompt);
    }

    @Test
    void aSecretFileGetsNoModelCall() throws Exception {
        start();
        documents.open("file:///work/.env", "plaintext", 1, "API_KEY=\n");
        DocumentSnapshot env = documents.find("file:///work/.env").orElseThrow();
        assertEquals(Optional.empty(), completions.complete(new CompletionQuery(env, 8, true)).get(5, TimeUnit.SECONDS));
        assertEquals(0, model.requests.size());
    }

    @Test
    void pastItsDeadlineACompletionIsEmptyAndItsModelCallAborted() throws Exception {
        // Long enough for the call to start on a loaded machine: what is tested is that it is aborted.
        settings = new CompletionSettings(64, 2000, 256, 0.2);
        start();
        model.script((request, sink) -> new CompletableFuture<>());
        assertEquals(Optional.empty(), suggestionAt("def add(a, b):\n    return |\n"));
        assertEquals(1, model.calls.size());
        Await.until("the model call (its HTTP exchange) is aborted at the deadline", model::anyCancelled,
                Duration.ofSeconds(5));
    }

    private Optional<String> suggestionAt(String marked) throws Exception {
        int offset = marked.indexOf('|');
        documents.open(URI, "python", 1, marked.replace("|", ""));
        DocumentSnapshot document = documents.find(URI).orElseThrow();
        return completions.complete(new CompletionQuery(document, offset, true)).get(5, TimeUnit.SECONDS)
                .map(Suggestion::text);
    }

    private void start() {
        var modes = new PromptModes();
        var http = ModelHttp.create(com.fasterxml.jackson.databind.ObjectMapper::new, new ApiKeys(Map.of()), executor);
        var instance = new ModelInstance(Tier.FAST, "gpt-oss:20b", model, RoutingSettings.DEFAULT, System::nanoTime);
        var router = new ModelRouter(ModelInstances.of(List.of(instance)), RoutingSettings.DEFAULT,
                new HealthMonitor(new EndpointProbe(http), modes, timer), modes, MetricsRecorder.systemClock(), executor,
                ThreadLocalRandom.current());
        var window = CursorWindow.standard();
        var guard = new PromptGuard(GlobExclusions.defaults(() -> null), GuardSettings.DEFAULT, List.of());
        completions = new InlineCompletions(router, modes, () -> settings,
                (document, offset) -> PromptContext.cursorOnly(window.around(document, offset)),
                MetricsRecorder.systemClock(), new CacheStats(), executor, guard, new ForegroundWork());
        documents.dispatchTo(event -> completions.documentChanged(event.uri(), Optional.ofNullable(event.snapshot())));
    }
}
