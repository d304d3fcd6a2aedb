package dev.gptoss.ls.backend;

import dev.gptoss.ls.config.EndpointConfig;
import java.util.Set;

/**
 * One probe's result.
 *
 * @param models the models the server lists, or null when it did not say
 * @param detail one line for a person: server version, or why it is not ready
 * @param slots how many requests the server computes at once (more wait in its queue): one for
 *     Ollama and llama.cpp as they run by default, several for vLLM, which batches
 */
public record EndpointHealth(EndpointConfig endpoint, EndpointState state, Set<String> models, String detail,
                             int slots) {
    /** What vLLM is counted as: it batches far more, but one user never needs more at once. */
    public static final int BATCHING_SLOTS = 4;

    public EndpointHealth(EndpointConfig endpoint, EndpointState state, Set<String> models, String detail) {
        this(endpoint, state, models, detail, 1);
    }

    public static EndpointHealth unknown(EndpointConfig endpoint) {
        return new EndpointHealth(endpoint, EndpointState.UNKNOWN, null, "not probed yet");
    }

    /**
     * The probe found nothing listening at the address: the server process is gone, and no request
     * still waiting on one of its connections can get an answer.
     */
    public boolean refused() {
        return state == EndpointState.OFFLINE && detail != null && detail.startsWith(NetworkFailure.REFUSED);
    }

    /** Whether the server lists the model; Ollama's {@code name} means {@code name:latest}. */
    public boolean hasModel(String model) {
        if (models == null) {
            return state == EndpointState.READY;
        }
        return models.contains(model) || !model.contains(":") && models.contains(model + ":latest");
    }
}
