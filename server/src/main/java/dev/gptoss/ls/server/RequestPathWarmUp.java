package dev.gptoss.ls.server;

import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.LoopbackModelStub;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.cache.GenerationCache;
import dev.gptoss.ls.cache.SharedGenerationClient;
import dev.gptoss.ls.completion.CompletionQuery;
import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.completion.Suggestion;
import dev.gptoss.ls.concurrent.ForegroundWork;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.config.TierInstance;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.PositionOutOfRangeException;
import dev.gptoss.ls.documents.TextPosition;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.routing.HealthMonitor;
import dev.gptoss.ls.routing.ModelInstances;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import dev.gptoss.ls.workspace.WorkspaceContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Types into a made-up document once, at start-up, through a throwaway copy of the completion stack:
 * a document store, the completions with their live suggestions, a router with its breakers and
 * cache, the guard and the model clients, wired as {@link ServerParts} wires the real ones but
 * answered by a {@link LoopbackModelStub}. A server seconds old otherwise runs the first minute of
 * real typing in the interpreter: each step of a keystroke is code run too few times to be compiled.
 * Nothing reaches the user's model servers, and the real caches, metrics, status, recent edits and
 * last prompt context never see it.
 */
final class RequestPathWarmUp {
    private static final Logger LOG = Logger.getLogger(RequestPathWarmUp.class.getName());
    private static final String URI = "file:///gptoss-warm-up.py";
    private static final String CODE = "def total(prices):\n    \"\"\"Adds up.\"\"\"\n    result = 0\n"
            + "    for p in prices:\n        result = \n    return result\n";
    private static final TextPosition TYPING_AT = new TextPosition(4, 17);
    private static final String TYPED = "result_of_every_price_in_prices_";
    private static final long WAIT_SECONDS = 2;
    /** Keys typed for each kind of model API: past C1's compile thresholds for each step of a keystroke. */
    private static final int KEYS = 200;

    private final ModelHttp http;
    private final WorkspaceContext context;
    private final ExecutorService work;
    private final ScheduledExecutorService scheduler;
    private final ForegroundWork foreground;

    /** @param foreground real completions being prepared, which the warm-up waits for */
    RequestPathWarmUp(ModelHttp http, WorkspaceContext context, ExecutorService work, ScheduledExecutorService scheduler,
                      ForegroundWork foreground) {
        this.http = http;
        this.context = context;
        this.work = work;
        this.scheduler = scheduler;
        this.foreground = foreground;
    }

    /**
     * Types {@link #KEYS} keys for each kind of model API in {@code config}, each key an edit and a
     * completion, every other one cut by the next key. Never fails the server.
     *
     * @return how many of the completions it waited for came back with a suggestion
     */
    int run(GptossConfig config) {
        int suggestions = 0;
        try (var stub = LoopbackModelStub.start(http.json())) {
            for (ApiKind api : config.endpoints().stream().map(EndpointConfig::api).distinct().toList()) {
                suggestions += type(stack(config, new EndpointConfig("warm-up", stub.url(), api, null, PromptMode.RAW)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | PositionOutOfRangeException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "The warm-up stopped; the first completions are only slower", e);
        }
        return suggestions;
    }

    private InlineCompletions stack(GptossConfig config, EndpointConfig stub) {
        var only = new GptossConfig(List.of(stub),
                Map.of(Tier.FAST, List.of(new TierInstance(stub.name(), "gpt-oss:20b")),
                        Tier.STRONG, List.of(new TierInstance(stub.name(), "gpt-oss:20b"))),
                config.completion(), config.health(), config.routing(), config.context(), config.guard());
        var modes = new PromptModes();
        var metrics = MetricsRecorder.systemClock();
        var stats = new CacheStats();
        var cache = GenerationCache.standard();
        var instances = ModelInstances.from(only, http, null, client -> new SharedGenerationClient(client, cache, stats));
        var router = new ModelRouter(instances, only.routing(), new HealthMonitor(new EndpointProbe(http), modes, scheduler),
                modes, metrics, work, ThreadLocalRandom.current());
        var guard = new PromptGuard(uri -> Optional.empty(), only.guard(), List.of());
        return new InlineCompletions(router, modes, only::completion, context::assemble, metrics, stats, work, guard,
                new ForegroundWork());
    }

    private int type(InlineCompletions completions) throws InterruptedException, PositionOutOfRangeException {
        int suggestions = 0;
        var documents = new DocumentStore();
        documents.dispatchTo(event -> completions.documentChanged(event.uri(), Optional.ofNullable(event.snapshot())));
        int version = 1;
        documents.open(URI, "python", version, CODE);
        CompletableFuture<Optional<Suggestion>> previous = CompletableFuture.completedFuture(Optional.empty());
        for (int key = 0; key < KEYS; key++) {
            foreground.awaitIdle(WAIT_SECONDS * 1000);
            int typed = key % TYPED.length();
            if (typed == 0) {
                documents.change(URI, ++version, List.of(DocumentStore.Change.wholeText(CODE)));
            }
            var at = new TextPosition(TYPING_AT.line(), TYPING_AT.character() + typed);
            documents.change(URI, ++version, List.of(new DocumentStore.Change(at, at, TYPED.substring(typed, typed + 1))));
            previous.cancel(true);
            DocumentSnapshot now = documents.find(URI).orElseThrow();
            int cursor = now.offsetOf(new TextPosition(at.line(), at.character() + 1));
            previous = completions.complete(new CompletionQuery(now, cursor, true));
            if (key % 2 == 1 && await(previous).isPresent()) {
                suggestions++;
            }
        }
        previous.cancel(true);
        documents.close(URI);
        return suggestions;
    }

    private static Optional<Suggestion> await(CompletableFuture<Optional<Suggestion>> suggestion)
            throws InterruptedException {
        try {
            return suggestion.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("A warm-up completion did not end", e);
        }
    }
}
