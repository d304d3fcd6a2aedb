package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.backend.OllamaClient;
import dev.gptoss.ls.backend.OpenAiClient;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.config.Tier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Every configured (tier, endpoint, model), built from one configuration. */
public final class ModelInstances {
    private final Map<String, ModelClient> clients;
    private final Map<Tier, List<ModelInstance>> byTier;

    private ModelInstances(Map<String, ModelClient> clients, Map<Tier, List<ModelInstance>> byTier) {
        this.clients = clients;
        this.byTier = byTier;
    }

    public static ModelInstances from(GptossConfig config, ModelHttp http) {
        return from(config, http, UnaryOperator.identity());
    }

    /** @param decorate wraps each endpoint's client, e.g. with caches */
    public static ModelInstances from(GptossConfig config, ModelHttp http, UnaryOperator<ModelClient> decorate) {
        var clients = new LinkedHashMap<String, ModelClient>();
        for (EndpointConfig endpoint : config.endpoints()) {
            clients.put(endpoint.name(), decorate.apply(endpoint.api() == ApiKind.OLLAMA
                    ? new OllamaClient(endpoint, http) : new OpenAiClient(endpoint, http)));
        }
        var byTier = new EnumMap<Tier, List<ModelInstance>>(Tier.class);
        for (Tier tier : Tier.values()) {
            var instances = new ArrayList<ModelInstance>();
            config.tier(tier).forEach(i -> instances.add(new ModelInstance(tier, i.model(), clients.get(i.endpoint()))));
            byTier.put(tier, List.copyOf(instances));
        }
        return new ModelInstances(Map.copyOf(clients), byTier);
    }

    public List<ModelInstance> tier(Tier tier) {
        return byTier.getOrDefault(tier, List.of());
    }

    public List<ModelInstance> all() {
        var all = new ArrayList<ModelInstance>();
        byTier.values().forEach(all::addAll);
        return all;
    }

    public Map<String, ModelClient> clients() {
        return clients;
    }
}
