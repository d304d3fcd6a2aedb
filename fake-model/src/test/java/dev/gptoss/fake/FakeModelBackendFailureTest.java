package dev.gptoss.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What misbehaving servers and impatient clients look like on the wire. */
class FakeModelBackendFailureTest {
    private final LoopbackHttp http = new LoopbackHttp();

    @Test
    void dropAfterChunksCutsTheStreamWithoutTerminator() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer("0123456789abcdef").chunkChars(4).dropAfterChunks(2);
            HttpResponse<InputStream> response = http.client.send(
                    http.post(backend.url(), "/api/generate", generate()).build(),
                    HttpResponse.BodyHandlers.ofInputStream());

            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                IOException cut = assertThrows(IOException.class, () -> {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines.add(line);
                    }
                });
                assertTrue(cut.getMessage() != null || cut.getCause() != null);
            }

            // The JDK client may report the reset before handing over every chunk it read.
            assertTrue(lines.size() <= 2, "lines before the cut: " + lines);
            assertTrue(lines.stream().map(http::parse).noneMatch(e -> e.path("done").asBoolean()));
            RecordedRequest recorded = backend.requests().get(0);
            assertTrue(recorded.awaitFinished(Duration.ofSeconds(2)));
            assertFalse(recorded.completed());
            assertFalse(recorded.clientHungUp());
        }
    }

    @Test
    void droppedSseStreamNeverSendsDone() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.VLLM)) {
            backend.behavior().dropAfterChunks(1);

            assertThrows(IOException.class, () -> http.send(http.post(backend.url(), "/v1/chat/completions",
                    chat().put("stream", true))));
        }
    }

    @Test
    void malformedStreamInterleavesGarbageAndTruncatedJson() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().malformedStream(true);

            List<String> lines = http.send(http.post(backend.url(), "/api/generate", generate())).body().lines()
                    .collect(Collectors.toList());

            assertEquals("this is not json", lines.get(1));
            assertThrows(IOException.class, () -> http.json.readTree(lines.get(2)));
            assertTrue(http.parse(lines.get(lines.size() - 1)).path("done").asBoolean());
        }
    }

    @Test
    void healthAndModelRoutesAnswer503WhileLoading() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.LLAMACPP)) {
            backend.behavior().loading(true);

            HttpResponse<String> health = http.get(backend.url(), "/health");
            HttpResponse<String> chat = http.send(http.post(backend.url(), "/v1/chat/completions", chat()));

            assertEquals(503, health.statusCode());
            assertEquals("Loading model", http.parse(health.body()).at("/error/message").asText());
            assertEquals("unavailable_error", http.parse(health.body()).at("/error/type").asText());
            assertEquals(503, chat.statusCode());
            backend.behavior().loading(false);
            HttpResponse<String> ready = http.get(backend.url(), "/health");
            assertEquals(200, ready.statusCode());
            assertEquals("ok", http.parse(ready.body()).path("status").asText());
        }
    }

    @Test
    void failWithStatusUsesEachApisErrorBody() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().failWithStatus(500, "boom");

            HttpResponse<String> ollama = http.send(http.post(backend.url(), "/api/generate", generate()));
            HttpResponse<String> openAi = http.send(http.post(backend.url(), "/v1/chat/completions", chat()));

            assertEquals(500, ollama.statusCode());
            assertEquals("boom", http.parse(ollama.body()).path("error").asText());
            assertEquals(500, openAi.statusCode());
            assertEquals("boom", http.parse(openAi.body()).at("/error/message").asText());
            assertEquals(500, http.parse(openAi.body()).at("/error/code").asInt());
        }
    }

    @Test
    void unsupportedRawPromptsForceAFallbackToChat() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().rawPromptsSupported(false);

            HttpResponse<String> raw = http.send(http.post(backend.url(), "/api/generate",
                    generate().put("raw", true)));
            HttpResponse<String> completions = http.send(http.post(backend.url(), "/v1/completions",
                    generate()));
            HttpResponse<String> chat = http.send(http.post(backend.url(), "/api/chat", chat()));

            assertEquals(400, raw.statusCode());
            assertTrue(http.parse(raw.body()).path("error").asText().startsWith("raw mode does not support"));
            assertEquals(404, completions.statusCode());
            assertEquals(200, chat.statusCode());
        }
    }

    @Test
    void unknownModelIsNotFoundAsOllamaSaysIt() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            ObjectNode body = generate().put("model", "gpt-oss:120b");

            HttpResponse<String> response = http.send(http.post(backend.url(), "/api/generate", body));

            assertEquals(404, response.statusCode());
            assertEquals("model \"gpt-oss:120b\" not found, try pulling it first",
                    http.parse(response.body()).path("error").asText());
        }
    }

    @Test
    void apiKeyIsRequiredWhenSet() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.VLLM)) {
            backend.behavior().apiKey("secret");

            HttpResponse<String> anonymous = http.send(http.post(backend.url(), "/v1/chat/completions", chat()));
            HttpResponse<String> wrong = http.send(http.post(backend.url(), "/v1/chat/completions", chat())
                    .header("Authorization", "Bearer nope"));
            HttpResponse<String> right = http.send(http.post(backend.url(), "/v1/chat/completions", chat())
                    .header("Authorization", "Bearer secret"));

            assertEquals(401, anonymous.statusCode());
            assertEquals(401, wrong.statusCode());
            assertEquals(200, right.statusCode());
            assertEquals(200, http.get(backend.url(), "/health").statusCode());
        }
    }

    @Test
    void cancelWhileWaitingForTheFirstTokenIsRecordedAsHangUp() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().firstTokenDelay(Duration.ofSeconds(20));
            CompletableFuture<HttpResponse<String>> pending = http.client.sendAsync(
                    http.post(backend.url(), "/api/generate", generate()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            RecordedRequest recorded = backend.awaitRequests(1, Duration.ofSeconds(2)).get(0);

            pending.cancel(true);

            assertTrue(backend.awaitHangUp(recorded, Duration.ofSeconds(2)), recorded.toString());
            assertEquals(0, recorded.status(), "nothing was sent before the hang-up");
        }
    }

    @Test
    void closingTheBodyMidStreamIsRecordedAsHangUp() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.VLLM)) {
            backend.behavior().answer("a long answer that keeps coming").chunkDelay(Duration.ofMillis(50));
            HttpResponse<InputStream> response = http.client.send(
                    http.post(backend.url(), "/v1/chat/completions", chat().put("stream", true)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            assertTrue(reader.readLine().startsWith("data: "));

            reader.close();

            RecordedRequest recorded = backend.requests().get(0);
            assertTrue(backend.awaitHangUp(recorded, Duration.ofSeconds(2)), recorded.toString());
            assertEquals(200, recorded.status());
        }
    }

    @Test
    void serviceTimeSpansTheWholeStream() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().serviceTime(Duration.ofMillis(300));
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.client.send(
                    http.post(backend.url(), "/api/generate", generate()).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            reader.readLine();
            long firstChunkMillis = (System.nanoTime() - start) / 1_000_000;
            while (reader.readLine() != null) {
                // Read to the end.
            }
            long totalMillis = (System.nanoTime() - start) / 1_000_000;

            // The answer streams over the service time: the first chunk comes well before the last.
            assertTrue(totalMillis >= 300, "whole stream took " + totalMillis + " ms");
            assertTrue(totalMillis - firstChunkMillis >= 150, "first chunk after " + firstChunkMillis + " of "
                    + totalMillis + " ms");
        }
    }

    @Test
    void controlRoutesChangeBehaviourAndPlayDead() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            ObjectNode knobs = http.json.createObjectNode().put("answer", "from control").put("serviceMs", 10);
            assertEquals(200, http.send(http.post(backend.url(), "/_fake/behavior", knobs)).statusCode());
            JsonNode reply = http.parse(http.send(http.post(backend.url(), "/api/generate",
                    generate().put("stream", false))).body());
            assertEquals("from control", reply.path("response").asText());

            http.send(http.post(backend.url(), "/_fake/stop-serving", http.json.createObjectNode()));
            assertThrows(IOException.class, () -> http.get(backend.url(), "/api/version"));
            http.send(http.post(backend.url(), "/_fake/resume", http.json.createObjectNode()));
            assertEquals(200, http.get(backend.url(), "/api/version").statusCode());

            assertEquals(List.of("/api/generate", "/api/version"),
                    backend.requests().stream().map(RecordedRequest::path).collect(Collectors.toList()));
            assertEquals(400, http.send(http.post(backend.url(), "/_fake/behavior",
                    http.json.createObjectNode().put("noSuchKnob", 1))).statusCode());
        }
    }

    private ObjectNode generate() {
        return http.json.createObjectNode().put("model", "gpt-oss:20b").put("prompt", "int add(");
    }

    private ObjectNode chat() {
        ObjectNode body = http.json.createObjectNode().put("model", "gpt-oss:20b");
        body.putArray("messages").addObject().put("role", "user").put("content", "add");
        return body;
    }
}
