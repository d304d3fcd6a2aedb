package dev.gptoss.ls.routing;

import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.PromptMode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt mode each endpoint gets. A configured mode wins; with {@code auto}, what a probe or a
 * refused raw request found; until then raw, the fast path, which falls back on refusal.
 */
public final class PromptModes {
    private final Map<String, PromptMode> learned = new ConcurrentHashMap<>();

    public PromptMode modeFor(EndpointConfig endpoint) {
        if (endpoint.promptMode() != PromptMode.AUTO) {
            return endpoint.promptMode();
        }
        return learned.getOrDefault(key(endpoint), PromptMode.RAW);
    }

    /** The mode as known for status: null while an auto endpoint is unprobed. */
    public Optional<PromptMode> knownMode(EndpointConfig endpoint) {
        if (endpoint.promptMode() != PromptMode.AUTO) {
            return Optional.of(endpoint.promptMode());
        }
        return Optional.ofNullable(learned.get(key(endpoint)));
    }

    public void learn(EndpointConfig endpoint, PromptMode mode) {
        learned.put(key(endpoint), mode);
    }

    private static String key(EndpointConfig endpoint) {
        return endpoint.url() + " " + endpoint.api();
    }
}
