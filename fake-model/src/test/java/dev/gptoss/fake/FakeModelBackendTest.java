package dev.gptoss.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The wire formats: routes, NDJSON and SSE streams, reasoning fields, harmony leaks, recording. */
class FakeModelBackendTest {
    private final LoopbackHttp http = new LoopbackHttp();

    @Test
    void ollamaGenerateStreamsNdjsonWithThinkingBeforeResponse() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer("return a + b;").reasoning("add them");
            HttpResponse<String> response = http.send(http.post(backend.url(), "/api/generate",
                    generate("gpt-oss:20b", "int add(int a, int b) {")));

            assertEquals(200, response.statusCode());
            assertEquals("application/x-ndjson", response.headers().firstValue("content-type").orElseThrow());
            List<JsonNode> events = http.ndjson(response.body());
            assertEquals("add them", join(events, "thinking"));
            assertEquals("return a + b;", join(events, "response"));
            int firstResponse = indexOfFirst(events, "response");
            assertTrue(events.subList(firstResponse, events.size()).stream().noneMatch(e -> e.has("thinking")),
                    "thinking comes before the response");
            JsonNode last = events.get(events.size() - 1);
            assertTrue(last.path("done").asBoolean());
            assertEquals("stop", last.path("done_reason").asText());
            assertTrue(events.subList(0, events.size() - 1).stream().noneMatch(e -> e.path("done").asBoolean()));
        }
    }

    @Test
    void ollamaChatWithoutStreamReturnsOneMessageWithTheConfiguredReasoningField() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().reasoning("thought").reasoningField(ReasoningField.REASONING);
            ObjectNode body = chat("gpt-oss:20b").put("stream", false);

            JsonNode reply = http.parse(http.send(http.post(backend.url(), "/api/chat", body)).body());

            assertEquals("assistant", reply.path("message").path("role").asText());
            assertEquals(FakeBehavior.DEFAULT_ANSWER, reply.path("message").path("content").asText());
            assertEquals("thought", reply.path("message").path("reasoning").asText());
            assertFalse(reply.path("message").has("thinking"));
            assertTrue(reply.path("done").asBoolean());
        }
    }

    @Test
    void openAiChatStreamCarriesReasoningContentByDefaultAndEndsWithDone() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.LLAMACPP)) {
            backend.behavior().reasoning("why").answer("x + y");
            HttpResponse<String> response = http.send(http.post(backend.url(), "/v1/chat/completions",
                    chat("gpt-oss:20b").put("stream", true)));

            assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
            List<String> data = http.sseData(response.body());
            assertEquals("[DONE]", data.get(data.size() - 1));
            List<JsonNode> events = data.subList(0, data.size() - 1).stream().map(http::parse)
                    .collect(Collectors.toList());
            List<JsonNode> deltas = events.stream().map(e -> e.at("/choices/0/delta")).collect(Collectors.toList());
            assertEquals("why", join(deltas, "reasoning_content"));
            assertEquals("x + y", join(deltas, "content"));
            assertEquals("assistant", deltas.get(0).path("role").asText());
            assertEquals("stop", events.get(events.size() - 1).at("/choices/0/finish_reason").asText());
        }
    }

    @Test
    void vllmChatWithoutStreamPutsReasoningInTheChosenField() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.VLLM)) {
            backend.behavior().reasoning("plan").reasoningField(ReasoningField.REASONING);

            JsonNode reply = http.parse(http.send(http.post(backend.url(), "/v1/chat/completions",
                    chat("gpt-oss:20b"))).body());

            JsonNode message = reply.at("/choices/0/message");
            assertEquals(FakeBehavior.DEFAULT_ANSWER, message.path("content").asText());
            assertEquals("plan", message.path("reasoning").asText());
            assertEquals("chat.completion", reply.path("object").asText());
        }
    }

    @Test
    void rawCompletionLeaksTheWholeHarmonyTurnSplitAcrossChunks() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.VLLM)) {
            backend.behavior().reasoning("R").answer("A").harmonyLeak(HarmonyLeak.FULL).chunkChars(4);
            ObjectNode body = http.json.createObjectNode().put("model", "gpt-oss:20b").put("prompt", "p")
                    .put("stream", true);

            List<String> data = http.sseData(http.send(http.post(backend.url(), "/v1/completions", body)).body());

            List<String> texts = data.subList(0, data.size() - 1).stream()
                    .map(d -> http.parse(d).at("/choices/0/text").asText()).collect(Collectors.toList());
            assertEquals("<|channel|>analysis<|message|>R<|end|><|start|>assistant"
                    + "<|channel|>final<|message|>A<|return|>", String.join("", texts));
            assertTrue(texts.contains("<|ch"), "a chunk boundary cuts through a harmony token");
        }
    }

    @Test
    void ollamaRawGenerateLeaksOnlyTheTrailingToken() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().reasoning("hidden").harmonyLeak(HarmonyLeak.TRAILING_END);
            ObjectNode body = generate("gpt-oss:20b", "<|start|>user<|message|>hi<|end|>").put("raw", true)
                    .put("stream", false);

            JsonNode reply = http.parse(http.send(http.post(backend.url(), "/api/generate", body)).body());

            assertEquals(FakeBehavior.DEFAULT_ANSWER + "<|end|>", reply.path("response").asText());
            assertFalse(reply.has("thinking"), "raw mode has no reasoning parser");
        }
    }

    @Test
    void chatLeaksHarmonyIntoContentWhenAsked() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.LLAMACPP)) {
            backend.behavior().reasoning("R").answer("A").harmonyLeak(HarmonyLeak.FULL).harmonyLeakInChat(true);

            JsonNode message = http.parse(http.send(http.post(backend.url(), "/v1/chat/completions",
                    chat("anything"))).body()).at("/choices/0/message");

            assertTrue(message.path("content").asText().startsWith("<|channel|>analysis<|message|>R"));
            assertFalse(message.has("reasoning_content"));
        }
    }

    @Test
    void answerFunctionSeesTheRequestAndStopStringsCutIt() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer(req -> req.path("prompt").asText().toUpperCase(Locale.ROOT) + "\nrest");
            ObjectNode body = generate("gpt-oss:20b", "abc").put("stream", false);
            body.putObject("options").put("num_predict", 64).putArray("stop").add("\n");

            JsonNode reply = http.parse(http.send(http.post(backend.url(), "/api/generate", body)).body());

            assertEquals("ABC", reply.path("response").asText());
        }
    }

    @Test
    void maxTokensCutsTheAnswerAndSaysLength() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.VLLM)) {
            backend.behavior().answer("0123456789abcdef");
            ObjectNode body = http.json.createObjectNode().put("model", "gpt-oss:20b").put("prompt", "p")
                    .put("max_tokens", 2);

            JsonNode choice = http.parse(http.send(http.post(backend.url(), "/v1/completions", body)).body())
                    .at("/choices/0");

            assertEquals("01234567", choice.path("text").asText());
            assertEquals("length", choice.path("finish_reason").asText());
        }
    }

    @Test
    void listsTheConfiguredModelsInBothApis() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().models("gpt-oss:20b", "gpt-oss:120b");

            JsonNode tags = http.parse(http.get(backend.url(), "/api/tags").body());
            JsonNode models = http.parse(http.get(backend.url(), "/v1/models").body());

            assertEquals("gpt-oss:120b", tags.at("/models/1/name").asText());
            assertEquals("gpt-oss:120b", tags.at("/models/1/model").asText());
            assertEquals("list", models.path("object").asText());
            assertEquals("gpt-oss:20b", models.at("/data/0/id").asText());
            assertEquals("model", models.at("/data/0/object").asText());
            assertEquals("0.12.3", http.parse(http.get(backend.url(), "/api/version").body()).path("version").asText());
        }
    }

    @Test
    void unknownRoutesAnswerEachServersOwn404() throws Exception {
        try (FakeModelBackend ollama = FakeModelBackend.start(Flavor.OLLAMA);
                FakeModelBackend vllm = FakeModelBackend.start(Flavor.VLLM);
                FakeModelBackend llamacpp = FakeModelBackend.start(Flavor.LLAMACPP)) {
            assertEquals(404, http.get(ollama.url(), "/health").statusCode());
            assertEquals("Not Found", http.parse(http.get(vllm.url(), "/api/tags").body()).path("detail").asText());
            HttpResponse<String> missing = http.get(llamacpp.url(), "/api/version");
            assertEquals(404, missing.statusCode());
            assertEquals(404, http.parse(missing.body()).at("/error/code").asInt());
        }
    }

    @Test
    void recordsMethodPathHeadersAndJsonBody() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            http.send(http.post(backend.url(), "/api/generate", generate("gpt-oss:20b", "hello"))
                    .header("X-Probe", "yes"));

            RecordedRequest recorded = backend.awaitRequests(1, Duration.ofSeconds(2)).get(0);

            assertEquals("POST", recorded.method());
            assertEquals("/api/generate", recorded.path());
            assertEquals("yes", recorded.header("x-probe"));
            assertEquals("hello", recorded.json().path("prompt").asText());
            assertTrue(recorded.awaitFinished(Duration.ofSeconds(2)));
            assertTrue(recorded.completed());
            assertFalse(recorded.clientHungUp());
            assertEquals(200, recorded.status());
            assertEquals(1, backend.requests("/api/generate").size());
        }
    }

    @Test
    void resetRestoresDefaultsAndForgetsRequests() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.VLLM)) {
            backend.behavior().answer("changed").loading(true);
            http.get(backend.url(), "/health");

            backend.reset();

            assertEquals(0, backend.requestCount());
            assertEquals(200, http.get(backend.url(), "/health").statusCode());
            JsonNode reply = http.parse(http.send(http.post(backend.url(), "/v1/chat/completions",
                    chat("gpt-oss:20b"))).body());
            assertEquals(FakeBehavior.DEFAULT_ANSWER, reply.at("/choices/0/message/content").asText());
        }
    }

    @Test
    void emptyPromptOnlyLoadsTheModel() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            JsonNode reply = http.parse(http.send(http.post(backend.url(), "/api/generate",
                    generate("gpt-oss:20b", ""))).body());

            assertTrue(reply.path("done").asBoolean());
            assertEquals("load", reply.path("done_reason").asText());
        }
    }

    @Test
    void readsChunkedRequestBodies() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.VLLM)) {
            byte[] body = chat("gpt-oss:20b").toString().getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(backend.url().resolve("/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

            assertEquals(200, http.send(request).statusCode());
            RecordedRequest recorded = backend.requests().get(0);
            assertEquals("chunked", recorded.header("Transfer-Encoding"));
            assertEquals("add a and b", recorded.json().at("/messages/0/content").asText());
        }
    }

    private ObjectNode generate(String model, String prompt) {
        return http.json.createObjectNode().put("model", model).put("prompt", prompt);
    }

    private ObjectNode chat(String model) {
        ObjectNode body = http.json.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", "add a and b");
        return body;
    }

    /** The concatenated text of a field across stream events (message or not). */
    private static String join(List<JsonNode> events, String field) {
        return events.stream().map(e -> e.has("message") ? e.get("message") : e)
                .map(e -> e.path(field).asText("")).collect(Collectors.joining());
    }

    private static int indexOfFirst(List<JsonNode> events, String field) {
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).path(field).asText("").isEmpty()) {
                return i;
            }
        }
        return events.size();
    }
}
