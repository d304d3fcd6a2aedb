package dev.gptoss.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.fake.Flavor;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator over loopback: the oracle's answer on the wire, the request in the books. */
class ModelSimulatorTest {
    private static final String CODE = "def double(x):\n    return x * 2\n\n\nprint(double(21))\n";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aStreamedAnswerComesFromTheOracleAndIsBookedWithItsPromptTokens() throws Exception {
        var fast = new Profile("fast", "gpt-oss-20b", "test", "llama.cpp", 1e6, List.of(1e4), 1,
                CacheMode.SLOT_PREFIX, 16, 0, "hand-made");
        try (var simulator = ModelSimulator.start(Flavor.LLAMACPP, fast, new Oracle(Map.of("d.py", CODE), 1.0, 1), 0)) {
            String prompt = "<|start|>user<|message|>def double(x):\n    return <CURSOR>\n<|end|>";
            var body = json.createObjectNode().put("model", "gpt-oss-20b").put("prompt", prompt).put("stream", true);

            String sse = send(simulator, "/v1/completions", body);
            simulator.backend().awaitRequests(1, Duration.ofSeconds(5));
            List<Booking> books = awaitBookings(simulator, 1);

            StringBuilder text = new StringBuilder();
            sse.lines().filter(l -> l.startsWith("data: {")).map(l -> parse(l.substring(6)))
                    .forEach(e -> text.append(e.path("choices").get(0).path("text").asText()));
            assertEquals("x * 2", text.toString());
            Booking booking = books.get(0);
            assertEquals(new Tokenizer().count(prompt), booking.promptTokens());
            assertEquals(0, booking.cachedTokens());
            assertFalse(booking.cut());
            assertEquals("x * 2", booking.sentText());
            assertTrue(booking.answer().right());
            assertEquals(CODE.indexOf("x * 2"), booking.answer().offset());
        }
    }

    private String send(ModelSimulator simulator, String path, JsonNode body) throws Exception {
        var request = HttpRequest.newBuilder(simulator.url().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<Booking> awaitBookings(ModelSimulator simulator, int count) throws InterruptedException {
        for (int i = 0; i < 500 && simulator.bookings().size() < count; i++) {
            Thread.sleep(10);
        }
        return simulator.bookings();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
