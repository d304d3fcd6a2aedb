package dev.gptoss.ls.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.EndpointConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Asks an endpoint whether it is up with the check its server offers: Ollama's
 * {@code /api/version} and {@code /api/tags}; vLLM's and llama.cpp's {@code /health} (503 while a
 * model loads) and {@code /v1/models}.
 */
public final class EndpointProbe {
    private final ModelHttp http;

    public EndpointProbe(ModelHttp http) {
        this.http = http;
    }

    public CompletableFuture<EndpointHealth> probe(EndpointConfig endpoint, Duration timeout) {
        return endpoint.api() == ApiKind.OLLAMA ? probeOllama(endpoint, timeout) : probeOpenAi(endpoint, timeout);
    }

    private CompletableFuture<EndpointHealth> probeOllama(EndpointConfig endpoint, Duration timeout) {
        return get(endpoint, "/api/version", timeout).thenCompose(version -> {
            if (version.statusCode() != 200) {
                return done(endpoint, EndpointState.OFFLINE, null, "/api/version answered HTTP " + version.statusCode());
            }
            String detail = "Ollama " + readJson(version.body()).path("version").asText("?");
            return get(endpoint, "/api/tags", timeout).thenApply(tags -> new EndpointHealth(endpoint,
                    EndpointState.READY, names(readJson(tags.body()).path("models"), "name"), detail));
        }).exceptionally(error -> offline(endpoint, error));
    }

    private CompletableFuture<EndpointHealth> probeOpenAi(EndpointConfig endpoint, Duration timeout) {
        return get(endpoint, "/health", timeout).thenCompose(health -> {
            if (health.statusCode() == 503) {
                return done(endpoint, EndpointState.LOADING, null, "the server is loading the model (/health: 503)");
            }
            return get(endpoint, "/v1/models", timeout).thenApply(models -> {
                if (models.statusCode() == 401 || models.statusCode() == 403) {
                    return new EndpointHealth(endpoint, EndpointState.OFFLINE, null,
                            "/v1/models refused the API key (HTTP " + models.statusCode() + "); check apiKeyEnv");
                }
                JsonNode data = models.statusCode() == 200 ? readJson(models.body()).path("data") : null;
                Set<String> ids = data == null ? null : names(data, "id");
                boolean vllm = data != null && data.path(0).path("owned_by").asText("").equals("vllm");
                return new EndpointHealth(endpoint, EndpointState.READY, ids,
                        (vllm ? "vLLM" : "OpenAI-compatible server") + (health.statusCode() == 200 ? " (/health ok)" : ""),
                        vllm ? EndpointHealth.BATCHING_SLOTS : 1);
            });
        }).exceptionally(error -> offline(endpoint, error));
    }

    private CompletableFuture<HttpResponse<String>> get(EndpointConfig endpoint, String path, Duration timeout) {
        var request = http.authorized(endpoint, path).timeout(timeout).GET().build();
        return http.http().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<EndpointHealth> done(EndpointConfig endpoint, EndpointState state,
                                                          Set<String> models, String detail) {
        return CompletableFuture.completedFuture(new EndpointHealth(endpoint, state, models, detail));
    }

    private static EndpointHealth offline(EndpointConfig endpoint, Throwable error) {
        return new EndpointHealth(endpoint, EndpointState.OFFLINE, null, NetworkFailure.describe(error, endpoint.url()));
    }

    private JsonNode readJson(String body) {
        try {
            return http.json().readTree(body);
        } catch (IOException e) {
            return http.json().createObjectNode();
        }
    }

    private static Set<String> names(JsonNode list, String field) {
        var names = new LinkedHashSet<String>();
        list.forEach(item -> {
            if (item.hasNonNull(field)) {
                names.add(item.get(field).asText());
            }
        });
        return names;
    }
}
