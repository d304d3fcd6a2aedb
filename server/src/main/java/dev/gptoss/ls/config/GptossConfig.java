package dev.gptoss.ls.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole server configuration: the object under {@code gptoss} in every source. */
public record GptossConfig(
        List<EndpointConfig> endpoints,
        Map<Tier, List<TierInstance>> tiers,
        CompletionSettings completion,
        HealthSettings health,
        RoutingSettings routing,
        ContextSettings context,
        GuardSettings guard) {

    public static final String DEFAULT_OLLAMA_URL = "http://127.0.0.1:11434";

    public GptossConfig {
        endpoints = List.copyOf(endpoints);
        tiers = Map.copyOf(tiers);
    }

    /** What a user gets with no configuration at all: a local Ollama with both gpt-oss sizes. */
    public static GptossConfig defaults() {
        var local = new EndpointConfig("local", URI.create(DEFAULT_OLLAMA_URL), ApiKind.OLLAMA, null, PromptMode.AUTO);
        return new GptossConfig(
                List.of(local),
                Map.of(Tier.FAST, List.of(new TierInstance("local", "gpt-oss:20b")),
                        Tier.STRONG, List.of(new TierInstance("local", "gpt-oss:120b"))),
                CompletionSettings.DEFAULT,
                HealthSettings.DEFAULT,
                RoutingSettings.DEFAULT,
                ContextSettings.DEFAULT,
                GuardSettings.DEFAULT);
    }

    public Optional<EndpointConfig> endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public List<TierInstance> tier(Tier tier) {
        return tiers.getOrDefault(tier, List.of());
    }
}
