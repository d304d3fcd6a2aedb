package dev.gptoss.bench.routing;

import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.RequestKind;
import dev.gptoss.ls.routing.RouteRequest;
import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Failover latency and routing overhead, by hand (no JMH: main is adding the bench module).
 * The command and results are in docs/benchmarks.md ("Routing and failover").
 */
public final class RoutingBenchmark {
    private static final int ROUNDS = 300;

    private RoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (var preferred = FakeModelBackend.start(Flavor.OLLAMA); var other = FakeModelBackend.start(Flavor.OLLAMA);
             var core = ServerParts.assemble(new ServerParts.Environment(new ApiKeys(Map.of()),
                     java.nio.file.Path.of("/nonexistent/gptoss-ls/config.json"),
                     java.nio.file.Path.of("/nonexistent/gptoss-ls/cache"), MetricsRecorder.systemClock()), event -> { })) {
            preferred.behavior().answer("x");
            other.behavior().answer("x");
            configure(core, preferred, other);
            ModelRouter router = core.models().router();

            measure(router, ROUNDS);
            measureDirect(router, ROUNDS);
            double[] direct = measureDirect(router, ROUNDS);
            double[] healthy = measure(router, ROUNDS);
            preferred.behavior().failWithStatus(500);
            // Breaker closed: a fresh configuration whose breaker never opens (minimum requests far above the rounds).
            configure(core, preferred, other, 10_000);
            double[] closed = measure(router, ROUNDS);
            configure(core, preferred, other, 2);
            measure(router, 10);
            double[] open = measure(router, ROUNDS);
            preferred.behavior().reset().answer("x");
            preferred.behavior().serving(false);
            configure(core, preferred, other, 10_000);
            double[] refused = measure(router, ROUNDS);

            report("direct HTTP call to the preferred instance, no router (baseline)", direct);
            report("healthy preferred instance, through the router", healthy);
            report("preferred answers HTTP 500, breaker closed (fallback each time)", closed);
            report("preferred answers HTTP 500, breaker open (skipped)", open);
            report("preferred drops connections, breaker closed (reconnect + fallback)", refused);
            planOverhead(router);
        }
    }

    private static void configure(ServerParts core, FakeModelBackend preferred, FakeModelBackend other) throws Exception {
        configure(core, preferred, other, 4);
    }

    private static void configure(ServerParts core, FakeModelBackend preferred, FakeModelBackend other, int minimum)
            throws Exception {
        var json = core.json().readTree("""
                {"endpoints": [{"name": "p", "url": "%s", "promptMode": "raw"}, {"name": "o", "url": "%s", "promptMode": "raw"}],
                 "tiers": {"fast": [{"endpoint": "p", "model": "gpt-oss:20b"}],
                           "strong": [{"endpoint": "o", "model": "gpt-oss:20b"}]},
                 "routing": {"breaker": {"minimumRequests": %d, "openMs": 600000}}}"""
                .formatted(preferred.url(), other.url(), minimum));
        core.config().update(layers -> layers.with(dev.gptoss.ls.config.ConfigSource.EDITOR_SETTINGS, json));
    }

    private static double[] measure(ModelRouter router, int rounds) throws Exception {
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            router.generate(route(), instance -> new GenerationRequest(instance.model(), PromptMode.RAW, "p", List.of(),
                    8, 0, List.of()), delta -> true).get(10, TimeUnit.SECONDS);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static double[] measureDirect(ModelRouter router, int rounds) throws Exception {
        var instance = router.instances().all().get(0);
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            instance.client().generate(new GenerationRequest(instance.model(), PromptMode.RAW, "p", List.of(), 8, 0,
                    List.of()), delta -> true).get(10, TimeUnit.SECONDS);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static RouteRequest route() {
        return RouteRequest.within(Duration.ofSeconds(5), RequestKind.AUTOMATIC_COMPLETION, false, 2000, "python",
                "file:///bench.py");
    }

    /** The routing decision alone: scoring, health and breaker checks, two choices, ordering. */
    private static void planOverhead(ModelRouter router) {
        int warmup = 200_000;
        int runs = 1_000_000;
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += router.plan(route()).order().size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sink += router.plan(route()).order().size();
        }
        double micros = (System.nanoTime() - start) / 1e3 / runs;
        System.out.printf("routing decision (plan): %.2f µs per request (%d runs, checksum %d)%n", micros, runs, sink);
    }

    private static void report(String name, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("%-70s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", name, at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99));
    }

    private static double at(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
