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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The HTTP client, JSON mapper and keys that every model client shares. Building an
 * {@link HttpClient} sets up TLS, a good part of a start-up: it is built on first use, or in the
 * background once {@link #prepare()} is called after the editor and the server said hello.
 */
public final class ModelHttp {
    private final Supplier<ObjectMapper> json;
    private final ApiKeys keys;
    private final Executor executor;
    private final CompletableFuture<HttpClient> http = new CompletableFuture<>();
    private final AtomicBoolean building = new AtomicBoolean();

    private ModelHttp(Supplier<ObjectMapper> json, ApiKeys keys, Executor executor) {
        this.json = json;
        this.keys = keys;
        this.executor = executor;
    }

    /** @param json made on first use (a request or a probe), not at start-up */
    public static ModelHttp create(Supplier<ObjectMapper> json, ApiKeys keys, Executor executor) {
        return new ModelHttp(json, keys, executor);
    }

    /** Starts building the client in the background. */
    public void prepare() {
        if (building.compareAndSet(false, true)) {
            executor.execute(this::build);
        }
    }

    public HttpClient http() {
        if (building.compareAndSet(false, true)) {
            build();
        }
        return http.join();
    }

    private void build() {
        try {
            http.complete(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(3))
                    .executor(executor)
                    .build());
        } catch (RuntimeException e) {
            http.completeExceptionally(e);
        }
    }

    public ObjectMapper json() {
        return json.get();
    }

    public ObjectNode object() {
        return json().createObjectNode();
    }

    HttpRequest.Builder post(EndpointConfig endpoint, String path, ObjectNode body) {
        try {
            return authorized(endpoint, path)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/x-ndjson, text/event-stream, application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json().writeValueAsBytes(body)));
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
