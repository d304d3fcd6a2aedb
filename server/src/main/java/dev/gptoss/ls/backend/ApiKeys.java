package dev.gptoss.ls.backend;

import dev.gptoss.ls.config.EndpointConfig;
import java.util.Map;
import java.util.Optional;

/** Looks up API keys in the environment variable each endpoint names; keys are never logged. */
public final class ApiKeys {
    private final Map<String, String> environment;

    public ApiKeys(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static ApiKeys fromSystemEnvironment() {
        return new ApiKeys(System.getenv());
    }

    public Optional<String> keyFor(EndpointConfig endpoint) {
        if (endpoint.apiKeyEnv() == null || endpoint.apiKeyEnv().isBlank()) {
            return Optional.empty();
        }
        String key = environment.get(endpoint.apiKeyEnv());
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(key);
    }
}
