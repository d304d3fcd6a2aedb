package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.ls.Await;
import dev.gptoss.ls.CapturedLog;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.routing.ModelInstance;
import dev.gptoss.ls.routing.RequestKind;
import dev.gptoss.ls.routing.RouteRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults against several fake backends on loopback, through real JSON-RPC: dead, slow, failing and
 * loading instances. Every request must end by its deadline (plus a margin for the JSON-RPC hop).
 */
class RoutingFaultTest {
    private static final String URI = "file:///work/calc.py";
    private static final String MID_LINE = "def add(a, b):\n    return \n";
    private static final Position CURSOR = new Position(1, 11);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long MARGIN_MS = 700;

    private final List<FakeModelBackend> backends = new ArrayList<>();
    private LspSession session;
    private int timeoutMs;
    private String openedText;
    private int edits;

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        backends.forEach(FakeModelBackend::close);
    }

    @Test
    void withOneOfTwoInstancesDownEveryRequestIsAnsweredAndTheDeadOneIsLeftAloneOnceItsBreakerOpens()
            throws Exception {
        var dead = backend(Flavor.OLLAMA, "fromA");
        var alive = backend(Flavor.OLLAMA, "fromB");
        dead.behavior().failWithStatus(500);
        start(2000, """
                "tiers": {"fast": [{"endpoint": "e0", "model": "gpt-oss:20b"}, {"endpoint": "e1", "model": "gpt-oss:20b"}],
                          "strong": [{"endpoint": "e1", "model": "gpt-oss:20b"}]},
                "routing": {"breaker": {"minimumRequests": 2, "openMs": 5000}}""");
        open(MID_LINE);

        for (int i = 0; i < 6; i++) {
            assertEquals("fromB", complete(), "request " + i);
        }
        int toDead = dead.requests("/api/generate").size();
        assertTrue(toDead <= 2, "the dead instance got " + toDead + " requests");
        session.client.awaitStatus(s -> instance(s, "e0").get("state").getAsString().equals("breaker-open")
                && instance(s, "e0").get("breaker").getAsString().equals("open"), WAIT);
        for (int i = 0; i < 4; i++) {
            assertEquals("fromB", complete());
        }
        assertEquals(toDead, dead.requests("/api/generate").size(), "no request waits for an open breaker's instance");

        dead.behavior().reset().answer("fromA");
        Await.until("e0's open breaker lets a probe request through",
                () -> instance("e0").breaker().getRemainingDelay().isZero(), WAIT);
        var served = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            served.add(complete());
            awaitBooksKept();
        }
        assertTrue(served.contains("fromA"), "after a half-open probe the healed instance serves again: " + served);
        session.client.awaitStatus(s -> instance(s, "e0").get("breaker").getAsString().equals("closed"), WAIT);
    }

    @Test
    void trafficLeavesASlowInstanceWithinAFewRequestsAndComesBackAfterItHeals() throws Exception {
        var slow = backend(Flavor.OLLAMA, "fromA");
        var quick = backend(Flavor.OLLAMA, "fromB");
        slow.behavior().serviceTime(Duration.ofMillis(700));
        start(3000, """
                "tiers": {"fast": [{"endpoint": "e0", "model": "gpt-oss:20b"}, {"endpoint": "e1", "model": "gpt-oss:20b"}]},
                "routing": {"slowMs": 300, "latencyDecayMs": 700}""");
        open(MID_LINE);

        var served = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            served.add(complete());
        }
        assertTrue(served.subList(3, 8).stream().allMatch("fromB"::equals), "traffic moved to the quick one: " + served);
        session.client.awaitStatus(s -> instance(s, "e0").get("state").getAsString().equals("slow"), WAIT);

        slow.behavior().serviceTime(null);
        // The behaviour under test is time itself: an instance that gets no traffic sees its latency
        // estimate decay (latencyDecayMs 700), and once it is well below the busy one's it is tried again.
        Thread.sleep(4000);
        var after = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            after.add(complete());
            Thread.sleep(100);
        }
        assertTrue(after.contains("fromA"), "the healed instance gets traffic again: " + after);
    }

    @Test
    void failingBackendsCrashNothingAndNoRequestOutlivesItsDeadline() throws Exception {
        checkFault(Flavor.OLLAMA, b -> b.failWithStatus(500), "breaker-open", true);
        checkFault(Flavor.OLLAMA, b -> b.answer("partial answer").dropAfterChunks(1), null, false);
        try (var log = CapturedLog.of("dev.gptoss.ls.backend.StreamingExchange")) {
            checkFault(Flavor.VLLM, b -> b.malformedStream(true), null, false);
            assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("Skipping a stream line that could not be read")),
                    "the broken lines are logged and skipped: " + log.messages());
        }
        checkFault(Flavor.OLLAMA, b -> b.models("some-other-model"), "model-missing", true);
        checkFault(Flavor.LLAMACPP, b -> b.loading(true), "loading", true);
    }

    @Test
    void aMidLineAutomaticCompletionGoesToFastAndAMultiLineRefactorToStrong() throws Exception {
        backend(Flavor.OLLAMA, "fast");
        backend(Flavor.OLLAMA, "strong");
        start(3000, """
                "tiers": {"fast": [{"endpoint": "e0", "model": "gpt-oss:20b"}],
                          "strong": [{"endpoint": "e1", "model": "gpt-oss:20b"}]}""");
        open(MID_LINE);
        assertEquals("fast", complete());

        var refactor = RouteRequest.within(Duration.ofSeconds(3), RequestKind.CODE_ACTION, true, 1500, "python", URI);
        var routed = session.parts().models().router().generate(refactor, instance -> new GenerationRequest(instance.model(),
                PromptMode.RAW, "refactor this", List.of(), 32, 0, List.of()), delta -> true).get(10, TimeUnit.SECONDS);
        assertEquals(Tier.STRONG, routed.instance().tier());
        assertEquals("strong", routed.generation().text());
    }

    @Test
    void anAutomaticCompletionGoesToFastWhenStrongIsTooSlowForItsDeadline() throws Exception {
        backend(Flavor.OLLAMA, "fast");
        var strong = backend(Flavor.OLLAMA, "strong");
        strong.behavior().serviceTime(Duration.ofMillis(2500));
        start(1000, """
                "tiers": {"fast": [{"endpoint": "e0", "model": "gpt-oss:20b"}],
                          "strong": [{"endpoint": "e1", "model": "gpt-oss:20b"}]},
                "routing": {"fastMaxScore": 0, "strongMinScore": 1}""");
        open("# " + "context ".repeat(80) + "\n" + MID_LINE);
        var cursor = new Position(2, 11);

        assertEquals(List.of(), timed(freshRequest(cursor)), "strong, unmeasured, is tried and misses the deadline");
        assertEquals(1, strong.requests("/api/generate").size());
        awaitBooksKept(); // the editor's empty answer can come a moment before the cut call's time is booked
        assertEquals("fast", only(timed(freshRequest(cursor))), "strong is now known to be too slow");
        assertEquals("fast", only(timed(freshRequest(cursor))));
        assertEquals(1, strong.requests("/api/generate").size());
    }

    @Test
    void metricsReportCompletionRoutingAndEachInstance() throws Exception {
        backend(Flavor.OLLAMA, "fast");
        start(3000, """
                "tiers": {"fast": [{"endpoint": "e0", "model": "gpt-oss:20b"}]}""");
        open(MID_LINE);
        complete();
        complete();
        awaitBooksKept();
        JsonObject metrics = metrics24h();
        assertEquals("24h", metrics.get("timeRange").getAsString());
        JsonObject completion = metrics.getAsJsonObject("components").getAsJsonObject("completion");
        assertEquals(2, completion.get("count").getAsInt());
        assertEquals(0.0, completion.get("errorRate").getAsDouble());
        assertTrue(completion.get("p95Ms").getAsDouble() > 0);
        assertEquals(2, instanceCount(metrics));
        assertTrue(metrics.getAsJsonObject("components").has("routing"));
        assertTrue(metrics.has("caches"));
    }

    private JsonObject metrics24h() throws Exception {
        return session.server.metrics(com.google.gson.JsonParser.parseString("{\"timeRange\": \"24h\"}")
                .getAsJsonObject()).get(10, TimeUnit.SECONDS).getAsJsonObject();
    }

    private static int instanceCount(JsonObject metrics) {
        var instance = metrics.getAsJsonObject("instances").getAsJsonObject("fast:e0/gpt-oss:20b");
        return instance == null ? 0 : instance.get("count").getAsInt();
    }

    @Test
    void aConfigurationWithNoHealthyInstanceInATierKeepsThePreviousOneForThatTier() throws Exception {
        backend(Flavor.OLLAMA, "fromA");
        var gone = FakeModelBackend.start(Flavor.OLLAMA);
        String deadUrl = gone.url().toString();
        gone.close();
        start(2000, """
                "tiers": {"fast": [{"endpoint": "e0", "model": "gpt-oss:20b"}]}""");
        open(MID_LINE);
        session.client.awaitStatus(s -> s.getAsJsonObject().get("state").getAsString().equals("ready"), WAIT);

        session.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(
                com.google.gson.JsonParser.parseString("""
                        {"gptoss": {"endpoints": [{"name": "moved", "url": "%s", "promptMode": "raw"}],
                                    "tiers": {"fast": [{"endpoint": "moved", "model": "gpt-oss:20b"}]}}}"""
                        .formatted(deadUrl))));

        var message = session.client.awaitMessage(WAIT);
        assertEquals(org.eclipse.lsp4j.MessageType.Warning, message.getType());
        assertTrue(message.getMessage().contains("tier fast"), message.getMessage());
        var status = session.client.awaitStatus(s -> s.getAsJsonObject().getAsJsonArray("keptTiers").size() == 1, WAIT);
        assertEquals("e0", instance(status, "e0").get("endpoint").getAsString());
        assertEquals("fromA", complete(), "completions still go to the instance that works");
    }

    private void checkFault(Flavor flavor, Consumer<dev.gptoss.fake.FakeBehavior> fault, String expectedState,
                            boolean answeredByTheOther) throws Exception {
        stop();
        backends.clear();
        var faulty = backend(flavor, "fromA");
        backend(Flavor.OLLAMA, "fromB");
        fault.accept(faulty.behavior());
        String api = flavor == Flavor.OLLAMA ? "ollama" : "openai";
        start(1500, """
                "tiers": {"fast": [{"endpoint": "e0", "model": "gpt-oss:20b"}, {"endpoint": "e1", "model": "gpt-oss:20b"}]},
                "routing": {"breaker": {"minimumRequests": 2, "openMs": 60000}}""", api);
        open(MID_LINE);
        for (int i = 0; i < 6; i++) {
            List<InlineCompletionItem> items = timed(freshRequest(CURSOR));
            if (answeredByTheOther) {
                assertEquals("fromB", only(items), flavor + " request " + i);
            }
        }
        if (expectedState != null) {
            session.client.awaitStatus(s -> instance(s, "e0").get("state").getAsString().equals(expectedState), WAIT);
        }
        backends.get(1).behavior().failWithStatus(503);
        faulty.behavior().reset();
        timed(freshRequest(CURSOR));
    }

    private FakeModelBackend backend(Flavor flavor, String answer) {
        var backend = FakeModelBackend.start(flavor);
        backend.behavior().answer(answer);
        backends.add(backend);
        return backend;
    }

    private void start(int timeoutMs, String rest) throws Exception {
        start(timeoutMs, rest, "ollama");
    }

    /** Endpoints e0, e1, … for the backends; the first takes {@code firstApi}, the others ollama. */
    private void start(int timeoutMs, String rest, String firstApi) throws Exception {
        this.timeoutMs = timeoutMs;
        var endpoints = new ArrayList<String>();
        for (int i = 0; i < backends.size(); i++) {
            endpoints.add("{\"name\": \"e%d\", \"url\": \"%s\", \"api\": \"%s\", \"promptMode\": \"raw\"}"
                    .formatted(i, backends.get(i).url(), i == 0 ? firstApi : "ollama"));
        }
        session = new LspSession();
        session.initialize("""
                {"endpoints": [%s], %s,
                 "completion": {"timeoutMs": %d}, "health": {"intervalMs": 200}}"""
                .formatted(String.join(", ", endpoints), rest, timeoutMs));
    }

    private void open(String text) {
        openedText = text;
        session.open(URI, "python", text);
    }

    /** Each request follows an edit, as while typing, so no cache answers it and the router decides anew. */
    private java.util.concurrent.CompletableFuture<List<InlineCompletionItem>> freshRequest(Position at) {
        session.changeWhole(URI, openedText + "# edit " + ++edits + "\n");
        return session.inline(URI, at);
    }

    private String complete() throws Exception {
        List<InlineCompletionItem> items = timed(freshRequest(CURSOR));
        return items.isEmpty() ? "" : only(items);
    }

    /** Waits for the answer and checks it came by the deadline. */
    private List<InlineCompletionItem> timed(java.util.concurrent.CompletableFuture<List<InlineCompletionItem>> pending)
            throws Exception {
        long start = System.nanoTime();
        List<InlineCompletionItem> items = pending.get(10, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms <= timeoutMs + MARGIN_MS, "answered after " + ms + " ms, deadline " + timeoutMs + " ms");
        return items;
    }

    private static String only(List<InlineCompletionItem> items) {
        assertEquals(1, items.size(), "suggestions: " + items);
        return items.get(0).getInsertText().getLeft();
    }

    private ModelInstance instance(String endpoint) {
        return session.parts().models().router().instances().all().stream()
                .filter(i -> i.endpoint().name().equals(endpoint)).findFirst().orElseThrow();
    }

    /** An instance's books (latency, outstanding requests) are kept when its call ends, just after the answer. */
    private void awaitBooksKept() {
        Await.until("no model call outstanding", () -> session.parts().models().router().instances().all().stream()
                .allMatch(i -> i.outstanding().get() == 0), WAIT);
    }

    private static JsonObject instance(JsonElement status, String endpoint) {
        for (JsonElement row : status.getAsJsonObject().getAsJsonArray("instances")) {
            if (row.getAsJsonObject().get("endpoint").getAsString().equals(endpoint)) {
                return row.getAsJsonObject();
            }
        }
        throw new AssertionError("no instance on " + endpoint + " in " + status);
    }
}
