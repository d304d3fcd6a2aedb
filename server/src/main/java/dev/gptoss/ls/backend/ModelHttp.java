package dev.gptoss.ls.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gptoss.ls.config.EndpointConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The HTTP client, JSON mapper and keys that every model client shares. Building an
 * {@link HttpClient} sets up TLS, which takes a good part of a start-up: it is built in the
 * background while the editor and the server say hello, and whoever needs it first waits.
 */
public final class ModelHttp {
    private final CompletableFuture<HttpClient> http;
    private final ObjectMapper json;
    private final ApiKeys keys;

    private ModelHttp(CompletableFuture<HttpClient> http, ObjectMapper json, ApiKeys keys) {
        this.http = http;
        this.json = json;
        this.keys = keys;
    }

    public static ModelHttp create(ObjectMapper json, ApiKeys keys, Executor executor) {
        var http = CompletableFuture.supplyAsync(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .executor(executor)
                .build(), executor);
        return new ModelHttp(http, json, keys);
    }

    public HttpClient http() {
        return http.join();
    }

    public ObjectMapper json() {
        return json;
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    HttpRequest.Builder post(EndpointConfig endpoint, String path, ObjectNode body) {
        try {
            return authorized(endpoint, path)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/x-ndjson, text/event-stream, application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a request body", e);
        }
    }

    public HttpRequest.Builder authorized(EndpointConfig endpoint, String path) {
        var builder = HttpRequest.newBuilder(URI.create(endpoint.url() + path));
        keys.keyFor(endpoint).ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder;
    }
}
