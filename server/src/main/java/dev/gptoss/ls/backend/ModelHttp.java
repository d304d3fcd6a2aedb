package dev.gptoss.ls.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gptoss.ls.config.EndpointConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client, JSON mapper and keys that every model client shares. The client is built on
 * first use, or in the background once {@link #prepare()} is called after the editor and the
 * server said hello.
 *
 * <p>TLS is set up only for an {@code https} endpoint, before its first request: the JDK's default
 * TLS context parses the whole CA trust store, 0.1–0.4 s on a quiet machine and seconds on a busy
 * one, and every model call of a start-up (the user's first suggestion included) would wait for it
 * although model servers are mostly plain HTTP on this machine or the local network.
 */
public final class ModelHttp {
    private final Supplier<ObjectMapper> json;
    private final ApiKeys keys;
    private final Executor executor;
    private final CompletableFuture<HttpClient> http = new CompletableFuture<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private final SSLContext tls;
    private volatile boolean tlsReady;

    private ModelHttp(Supplier<ObjectMapper> json, ApiKeys keys, Executor executor) {
        this.json = json;
        this.keys = keys;
        this.executor = executor;
        try {
            this.tls = SSLContext.getInstance("TLS");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime has no TLS", e);
        }
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
                    .sslContext(tls)
                    .sslParameters(new SSLParameters())
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
        URI uri = URI.create(endpoint.url() + path);
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            readyTls();
        }
        var builder = HttpRequest.newBuilder(uri);
        keys.keyFor(endpoint).ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder;
    }

    /** Sets up TLS with the runtime's trust store and default protocols, once, before the first https request. */
    private void readyTls() {
        if (tlsReady) {
            return;
        }
        synchronized (tls) {
            if (!tlsReady) {
                try {
                    tls.init(null, null, null);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
                }
                tlsReady = true;
            }
        }
    }
}
