package dev.gptoss.ls.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.failsafe.TimeoutExceededException;
import dev.gptoss.ls.Await;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.backend.BackendException;
import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.HealthSettings;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.RoutingSettings;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router on its own, in front of model clients whose answers each test scripts. */
class ModelRouterTest {
    private static final RoutingSettings BREAK_AFTER_TWO = new RoutingSettings(30, 60, 4, 10_000, 1000,
            new RoutingSettings.BreakerSettings(50, 2, 30_000, 60_000, 1));
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PromptModes modes = new PromptModes();
    private final ScriptedModelClient first = new ScriptedModelClient("first");
    private final ScriptedModelClient second = new ScriptedModelClient("second");
    private final HealthMonitor health = new HealthMonitor(new EndpointProbe(
            ModelHttp.create(com.fasterxml.jackson.databind.ObjectMapper::new, new ApiKeys(Map.of()), executor)), modes, timer);
    private int documents;

    @AfterEach
    void stop() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void aFailedInstanceFallsBackToTheNextOne() throws Exception {
        first.script((request, sink) -> CompletableFuture.failedFuture(new BackendException(500, true, "boom")));
        ModelRouter router = router(RoutingSettings.DEFAULT, first, second);

        RoutedGeneration done = generate(router, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);

        assertEquals("from second", done.generation().text());
        assertEquals("second", done.instance().endpoint().name());
        assertEquals(1, first.requests.size());
    }

    @Test
    void aCallWaitingOnAServerThatIsGoneFailsOverWhenAProbeFindsNothingListening() throws Exception {
        first.script((request, sink) -> new CompletableFuture<>()); // a connection that never answers
        var instances = List.of(instance(first), instance(second));
        ModelRouter router = router(RoutingSettings.DEFAULT, instances);
        CompletableFuture<RoutedGeneration> answer = generate(router, Duration.ofMinutes(3));
        Await.until("the request to first", () -> first.requests.size() == 1, Duration.ofSeconds(5));

        // Nothing listens at first's address (port 1): its probe is refused.
        health.probeOnce(ModelInstances.of(List.of(instances.get(0))), HealthSettings.DEFAULT).get(10, TimeUnit.SECONDS);

        RoutedGeneration done = answer.get(10, TimeUnit.SECONDS);
        assertEquals("second", done.instance().endpoint().name(), "long before the 3-minute deadline");
        assertTrue(first.calls.get(0).isCancelled(), "the exchange with the gone server is aborted");
        assertEquals(1, first.requests.size(), "no new request to an address where nothing listens");
    }

    @Test
    void onceTextReachedTheCallerAFailureIsNotRetriedElsewhere() {
        first.script((request, sink) -> {
            sink.accept("par");
            return CompletableFuture.failedFuture(new BackendException(0, true, "connection reset"));
        });
        ModelRouter router = router(RoutingSettings.DEFAULT, first, second);

        var failure = assertThrows(ExecutionException.class, () -> generate(router, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS));

        assertInstanceOf(BackendException.class, failure.getCause());
        assertEquals(0, second.requests.size(), "the answer would start over on another instance");
    }

    @Test
    void anInstanceWhoseBreakerOpenedGetsNoRequest() throws Exception {
        first.script((request, sink) -> CompletableFuture.failedFuture(new BackendException(500, true, "boom")));
        ModelRouter router = router(BREAK_AFTER_TWO, first, second);
        for (int i = 0; i < 2; i++) {
            generate(router, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
        }
        int before = first.requests.size();

        for (int i = 0; i < 5; i++) {
            assertEquals("from second", generate(router, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).generation().text());
        }

        assertEquals(before, first.requests.size());
        assertEquals("open", router.instances().all().get(0).breakerState());
    }

    @Test
    void noInstanceToAskIsSaidAtOnce() throws Exception {
        first.script((request, sink) -> CompletableFuture.failedFuture(new BackendException(500, true, "boom")));
        ModelRouter router = router(BREAK_AFTER_TWO, first);
        for (int i = 0; i < 2; i++) {
            generate(router, Duration.ofSeconds(5)).exceptionally(e -> null).get(5, TimeUnit.SECONDS);
        }

        var failure = assertThrows(ExecutionException.class, () -> generate(router, Duration.ofSeconds(5)).get(1, TimeUnit.SECONDS));

        assertInstanceOf(NoInstanceAvailableException.class, failure.getCause());
    }

    @Test
    void theDeadlineEndsTheCallAndAbortsIt() {
        first.script((request, sink) -> new CompletableFuture<>());
        ModelRouter router = router(RoutingSettings.DEFAULT, first);

        var failure = assertThrows(ExecutionException.class, () -> generate(router, Duration.ofMillis(100)).get(5, TimeUnit.SECONDS));

        // The request's own deadline or the attempt's Failsafe timeout, whichever fires first.
        assertTrue(failure.getCause() instanceof TimeoutException || failure.getCause() instanceof TimeoutExceededException,
                failure.getCause().toString());
        assertTrue(first.anyCancelled(), "the model call (its HTTP exchange) is cancelled at the deadline");
    }

    @Test
    void cancellingTheRequestCancelsTheModelCall() throws Exception {
        first.script((request, sink) -> new CompletableFuture<>());
        ModelRouter router = router(RoutingSettings.DEFAULT, first);
        var pending = generate(router, Duration.ofSeconds(5));

        pending.cancel(true);

        assertTrue(first.anyCancelled());
    }

    @Test
    void anEndpointThatRefusesRawPromptsIsAskedAgainInChatAndRemembered() throws Exception {
        var modesSeen = new ArrayList<PromptMode>();
        first.script((request, sink) -> {
            modesSeen.add(request.mode());
            return request.mode() == PromptMode.RAW
                    ? CompletableFuture.failedFuture(new BackendException(400, true, "raw prompts are not supported"))
                    : CompletableFuture.completedFuture(new Generation("chat answer", "stop", false, 1));
        });
        ModelRouter router = router(RoutingSettings.DEFAULT, first, second);

        assertEquals("chat answer", generate(router, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).generation().text());

        assertEquals(List.of(PromptMode.RAW, PromptMode.CHAT), modesSeen);
        assertEquals(PromptMode.CHAT, modes.modeFor(first.endpoint()));
        assertEquals(0, second.requests.size());
    }

    /** Both clients in the fast tier, {@code first} preferred (the balancer's random picks it). */
    private ModelRouter router(RoutingSettings settings, ScriptedModelClient... clients) {
        var instances = new ArrayList<ModelInstance>();
        for (ScriptedModelClient client : clients) {
            instances.add(new ModelInstance(Tier.FAST, "gpt-oss:20b", client, settings, System::nanoTime));
        }
        return router(settings, instances);
    }

    private ModelRouter router(RoutingSettings settings, List<ModelInstance> instances) {
        return new ModelRouter(ModelInstances.of(instances), settings, health, modes, MetricsRecorder.systemClock(),
                executor, new FirstPick());
    }

    private static ModelInstance instance(ScriptedModelClient client) {
        return new ModelInstance(Tier.FAST, "gpt-oss:20b", client, RoutingSettings.DEFAULT, System::nanoTime);
    }

    private CompletableFuture<RoutedGeneration> generate(ModelRouter router, Duration budget) {
        // A new document each time: a document goes back to the instance that served it last.
        var route = RouteRequest.within(budget, RequestKind.AUTOMATIC_COMPLETION, false, 100, "python",
                "file:///a" + documents++ + ".py");
        return router.generate(route, instance -> new GenerationRequest(instance.model(),
                modes.modeFor(instance.endpoint()), "prompt", List.of(), 16, 0.2, List.of()), TextSink.ALL);
    }

    /** Makes "two random choices" pick the first instance listed, so that tests know who is asked first. */
    private static final class FirstPick implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public int nextInt(int bound) {
            // twoChoices draws a, then b from the rest: 0 then 0 makes b the second instance, and equal
            // costs keep a, the first.
            return 0;
        }
    }
}
