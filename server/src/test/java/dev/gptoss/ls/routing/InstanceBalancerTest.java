package dev.gptoss.ls.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.RoutingSettings;
import dev.gptoss.ls.config.Tier;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The balancer with a hand-driven clock and a seeded random source: no sleeping, no flakiness. */
class InstanceBalancerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final RoutingSettings settings = RoutingSettings.DEFAULT;
    private final Set<ModelInstance> unhealthy = new HashSet<>();
    private long now = 1_000_000 * MS;
    private final InstanceBalancer balancer = new InstanceBalancer(new ComplexityScorer(), i -> !unhealthy.contains(i),
            new SplittableRandom(42), () -> now);

    private final ModelInstance fastA = instance(Tier.FAST, "a");
    private final ModelInstance fastB = instance(Tier.FAST, "b");
    private final ModelInstance strong = instance(Tier.STRONG, "big");
    private final ModelInstances all = ModelInstances.of(List.of(fastA, fastB, strong));

    @Test
    void lowScoresGoToFastAndHighScoresToStrong() {
        assertEquals(Tier.FAST, balancer.plan(automatic(false, 500), all, settings).tier());
        var refactor = new RouteRequest(RequestKind.CODE_ACTION, true, 2000, "java", "file:///x", now + 60_000 * MS);
        assertEquals(strong, balancer.plan(refactor, all, settings).order().get(0));
    }

    @Test
    void theFallbackOrderIsTheRestOfTheTierThenTheOtherTier() {
        List<ModelInstance> order = balancer.plan(automatic(false, 500), all, settings).order();
        assertEquals(Set.of(fastA, fastB), Set.copyOf(order.subList(0, 2)));
        assertEquals(strong, order.get(2));
    }

    @Test
    void theFasterOfTwoInstancesWinsEveryTime() {
        fastA.estimate().observe(400 * MS);
        fastB.estimate().observe(40 * MS);
        for (int i = 0; i < 50; i++) {
            assertEquals(fastB, balancer.plan(automatic(false, 500), all, settings).order().get(0));
        }
    }

    @Test
    void outstandingRequestsMakeAnInstanceCostMore() {
        fastA.estimate().observe(50 * MS);
        fastB.estimate().observe(50 * MS);
        fastB.outstanding().set(2);
        assertEquals(fastA, balancer.plan(automatic(false, 500), all, settings).order().get(0));
    }

    @Test
    void aDocumentGoesBackToItsInstanceUnlessThatIsMuchBusier() {
        fastA.estimate().observe(50 * MS);
        fastB.estimate().observe(45 * MS);
        balancer.served("file:///x", fastA);
        assertEquals(fastA, balancer.plan(automatic(false, 500), all, settings).order().get(0));

        fastA.outstanding().set(3);
        assertEquals(fastB, balancer.plan(automatic(false, 500), all, settings).order().get(0));
    }

    @Test
    void aSlowInstanceIsTriedAgainOnceItsEstimateHasDecayed() {
        fastA.estimate().observe(900 * MS);
        fastB.estimate().observe(30 * MS);
        assertEquals(fastB, balancer.plan(automatic(false, 500), all, settings).order().get(0));

        now += 60_000 * MS;
        fastB.estimate().observe(30 * MS);
        assertEquals(fastA, balancer.plan(automatic(false, 500), all, settings).order().get(0),
                "a minute later the slow instance's estimate has decayed below the other's");
    }

    @Test
    void anOpenBreakerOrAFullBulkheadLeavesTheInstanceOut() {
        fastA.breaker().open();
        fastB.outstanding().set(settings.maxConcurrent());
        List<ModelInstance> order = balancer.plan(automatic(false, 500), all, settings).order();
        assertEquals(List.of(strong), order);
        fastB.outstanding().set(0);
        strong.breaker().open();
        assertEquals(List.of(fastB), balancer.plan(automatic(false, 500), all, settings).order());
    }

    @Test
    void unhealthyInstancesComeLast() {
        unhealthy.add(fastA);
        unhealthy.add(fastB);
        List<ModelInstance> order = balancer.plan(automatic(false, 500), all, settings).order();
        assertEquals(strong, order.get(0));
        assertEquals(Set.of(fastA, fastB), Set.copyOf(order.subList(1, 3)));
    }

    @Test
    void anAutomaticCompletionLeavesATierThatCannotMeetItsDeadline() {
        var lowThresholds = new RoutingSettings(0, 10, 4, 10_000, 1000, settings.breaker());
        var block = automatic(true, 4000);
        assertEquals(Tier.STRONG, balancer.plan(block, all, lowThresholds).tier());

        strong.latency().record(3000 * MS);
        var plan = balancer.plan(block, all, lowThresholds);
        assertEquals(Tier.FAST, plan.tier());
        assertTrue(plan.deadlineMoved());
        assertEquals(strong, plan.order().get(2), "the slow tier is still there as a last resort");

        var invoked = new RouteRequest(RequestKind.INVOKED_COMPLETION, true, 4000, "python", "file:///x", now + 2000 * MS);
        assertFalse(balancer.plan(invoked, all, lowThresholds).deadlineMoved(), "only automatic completions move");
    }

    private RouteRequest automatic(boolean multiLine, int contextChars) {
        return new RouteRequest(RequestKind.AUTOMATIC_COMPLETION, multiLine, contextChars, "python", "file:///x",
                now + 2000 * MS);
    }

    private ModelInstance instance(Tier tier, String endpoint) {
        return new ModelInstance(tier, tier == Tier.FAST ? "gpt-oss:20b" : "gpt-oss:120b", new IdleClient(endpoint),
                settings, () -> now);
    }

    private record IdleClient(EndpointConfig endpoint) implements ModelClient {
        IdleClient(String name) {
            this(new EndpointConfig(name, URI.create("http://127.0.0.1:1"), ApiKind.OLLAMA, null, PromptMode.RAW));
        }

        @Override
        public CompletableFuture<Generation> generate(GenerationRequest request, TextSink sink) {
            return new CompletableFuture<>();
        }
    }
}
