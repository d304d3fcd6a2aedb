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
    private final List<ModelInstance> all;

    private ModelInstances(Map<String, ModelClient> clients, Map<Tier, List<ModelInstance>> byTier) {
        this.clients = clients;
        this.byTier = byTier;
        var list = new ArrayList<ModelInstance>();
        byTier.values().forEach(list::addAll);
        this.all = List.copyOf(list);
    }

    /**
     * Builds the instances of {@code config}, reusing those of {@code previous} that serve the same model
     * on the same endpoint with the same settings, so their breakers and latency history survive.
     *
     * @param decorate wraps each new endpoint client, e.g. with caches
     */
    public static ModelInstances from(GptossConfig config, ModelHttp http, ModelInstances previous,
                                      UnaryOperator<ModelClient> decorate) {
        var clients = new LinkedHashMap<String, ModelClient>();
        for (EndpointConfig endpoint : config.endpoints()) {
            ModelClient kept = previous == null ? null : previous.clients.get(endpoint.name());
            clients.put(endpoint.name(), kept != null && kept.endpoint().equals(endpoint) ? kept
                    : decorate.apply(endpoint.api() == ApiKind.OLLAMA
                            ? new OllamaClient(endpoint, http) : new OpenAiClient(endpoint, http)));
        }
        var byTier = new EnumMap<Tier, List<ModelInstance>>(Tier.class);
        for (Tier tier : Tier.values()) {
            var instances = new ArrayList<ModelInstance>();
            for (var configured : config.tier(tier)) {
                ModelClient client = clients.get(configured.endpoint());
                ModelInstance reused = previous == null ? null : previous.tier(tier).stream()
                        .filter(i -> i.sameAs(tier, configured.model(), client.endpoint(), config.routing()))
                        .findFirst().orElse(null);
                instances.add(reused != null ? reused
                        : new ModelInstance(tier, configured.model(), client, config.routing(), System::nanoTime));
            }
            byTier.put(tier, List.copyOf(instances));
        }
        return new ModelInstances(Map.copyOf(clients), byTier);
    }

    /** Instances as given, for tests and benchmarks that build their own. */
    public static ModelInstances of(List<ModelInstance> instances) {
        var clients = new LinkedHashMap<String, ModelClient>();
        var byTier = new EnumMap<Tier, List<ModelInstance>>(Tier.class);
        for (Tier tier : Tier.values()) {
            byTier.put(tier, instances.stream().filter(i -> i.tier() == tier).toList());
        }
        instances.forEach(i -> clients.putIfAbsent(i.endpoint().name(), i.client()));
        return new ModelInstances(Map.copyOf(clients), byTier);
    }

    /** These instances, with {@code tier} taken from {@code other} (a tier kept from a previous configuration). */
    public ModelInstances withTier(Tier tier, ModelInstances other) {
        var clientsAfter = new LinkedHashMap<>(clients);
        other.tier(tier).forEach(i -> clientsAfter.putIfAbsent(i.endpoint().name(), i.client()));
        var byTierAfter = new EnumMap<>(byTier);
        byTierAfter.put(tier, other.tier(tier));
        return new ModelInstances(Map.copyOf(clientsAfter), byTierAfter);
    }

    public List<ModelInstance> tier(Tier tier) {
        return byTier.getOrDefault(tier, List.of());
    }

    public List<ModelInstance> all() {
        return all;
    }

    public Map<String, ModelClient> clients() {
        return clients;
    }
}
