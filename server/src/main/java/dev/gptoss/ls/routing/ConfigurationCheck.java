package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.EndpointHealth;
import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.EndpointState;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.HealthSettings;
import dev.gptoss.ls.config.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Checks a new configuration against the live endpoints before it takes over: a tier that has a
 * healthy instance now keeps its previous instances when none of its new ones answers with the model.
 */
public final class ConfigurationCheck {
    private final EndpointProbe probe;
    private final HealthMonitor health;

    public ConfigurationCheck(EndpointProbe probe, HealthMonitor health) {
        this.probe = probe;
        this.health = health;
    }

    /**
     * @param instances what to use: {@code next}, with tiers kept from {@code previous} where needed
     * @param kept one line per kept tier, for the user
     */
    public record Result(ModelInstances instances, List<String> kept) {
    }

    public CompletableFuture<Result> check(ModelInstances previous, ModelInstances next, HealthSettings settings) {
        var endpoints = next.all().stream().map(ModelInstance::endpoint).distinct().toList();
        var probes = new HashMap<EndpointConfig, CompletableFuture<EndpointHealth>>();
        endpoints.forEach(e -> probes.put(e, probe.probe(e, Duration.ofMillis(settings.timeoutMs()))));
        return CompletableFuture.allOf(probes.values().toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<EndpointConfig, EndpointHealth> found = new HashMap<>();
            probes.forEach((endpoint, result) -> found.put(endpoint, result.join()));
            ModelInstances result = next;
            var kept = new ArrayList<String>();
            for (Tier tier : Tier.values()) {
                boolean hadHealthy = previous.tier(tier).stream()
                        .anyMatch(i -> ready(health.health(i.endpoint()), i.model()));
                boolean hasHealthy = next.tier(tier).stream().anyMatch(i -> ready(found.get(i.endpoint()), i.model()));
                if (hadHealthy && !hasHealthy && previous.tier(tier) != next.tier(tier)) {
                    result = result.withTier(tier, previous);
                    kept.add("tier " + tier.id() + ": no new instance answers ("
                            + next.tier(tier).stream().map(i -> i.endpoint().name() + "/" + i.model() + ": "
                                    + found.get(i.endpoint()).detail()).collect(Collectors.joining("; "))
                            + "), so it keeps " + previous.tier(tier).stream().map(ModelInstance::toString)
                                    .collect(Collectors.joining(", ")));
                }
            }
            return new Result(result, List.copyOf(kept));
        });
    }

    private static boolean ready(EndpointHealth h, String model) {
        return h != null && h.state() == EndpointState.READY && h.hasModel(model);
    }
}
