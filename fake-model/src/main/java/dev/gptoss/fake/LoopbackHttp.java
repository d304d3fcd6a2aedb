package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The JDK client the language server itself uses, with shortcuts for the fake's tests. */
final class LoopbackHttp {
    final ObjectMapper json = new ObjectMapper();
    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    HttpRequest.Builder post(URI base, String path, JsonNode body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET());
    }

    JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON events of an NDJSON body. */
    List<JsonNode> ndjson(String body) {
        List<JsonNode> events = new ArrayList<>();
        body.lines().filter(l -> !l.isEmpty()).forEach(l -> events.add(parse(l)));
        return events;
    }

    /** The {@code data:} payloads of an SSE body, {@code [DONE]} included as text. */
    List<String> sseData(String body) {
        List<String> data = new ArrayList<>();
        body.lines().filter(l -> l.startsWith("data: ")).forEach(l -> data.add(l.substring("data: ".length())));
        return data;
    }
}
