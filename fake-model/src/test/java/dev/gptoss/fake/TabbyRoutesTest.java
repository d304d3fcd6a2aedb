package dev.gptoss.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Tabby's server API as tabby-agent calls it. */
class TabbyRoutesTest {
    private final LoopbackHttp http = new LoopbackHttp();

    @Test
    void healthNamesTheModelAndADevice() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.TABBY)) {
            JsonNode health = http.parse(http.get(backend.url(), "/v1/health").body());

            assertEquals(FakeBehavior.DEFAULT_MODEL, health.path("model").asText());
            assertTrue(health.hasNonNull("device"), "tabby-agent treats a health answer without device as not ready");
            assertTrue(health.path("version").hasNonNull("git_describe"));
        }
    }

    @Test
    void completionAnswersTheSegmentsWithOneChoice() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.TABBY)) {
            backend.behavior().answer(body -> "x + " + body.path("segments").path("suffix").asText());
            ObjectNode request = http.json.createObjectNode().put("language", "python");
            request.putObject("segments").put("prefix", "def f(x):\n    return ").put("suffix", "1");

            HttpResponse<String> response = http.send(http.post(backend.url(), "/v1/completions", request));

            assertEquals(200, response.statusCode());
            JsonNode answer = http.parse(response.body());
            assertTrue(answer.path("id").asText().startsWith("cmpl-"));
            assertEquals("x + 1", answer.path("choices").get(0).path("text").asText());
            assertEquals(0, answer.path("choices").get(0).path("index").asInt());
        }
    }

    @Test
    void aCompletionWithoutSegmentsIsABadRequestAndEventsAreTaken() throws Exception {
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.TABBY)) {
            ObjectNode noSegments = http.json.createObjectNode().put("language", "python");
            ObjectNode event = http.json.createObjectNode().put("type", "view").put("completion_id", "cmpl-1");

            assertEquals(400, http.send(http.post(backend.url(), "/v1/completions", noSegments)).statusCode());
            assertEquals(200, http.send(http.post(backend.url(), "/v1/events", event)).statusCode());
            assertEquals(404, http.send(http.post(backend.url(), "/api/generate", noSegments)).statusCode());
        }
    }
}
