package dev.gptoss.ls.routing;

import java.util.List;

/**
 * The whole service as the editor's status view shows it.
 *
 * @param state starting, ready, loading, degraded or offline
 * @param fix what the user can do about it, or null
 * @param keptTiers tiers the last configuration change could not take over (no healthy instance), one line each
 */
public record ServiceStatus(String state, String message, String model, int busy, String fix,
                            List<InstanceStatus> instances, List<String> keptTiers) {

    /** What changes the status bar: everything but latency figures. */
    public List<Object> signature() {
        return List.of(state, String.valueOf(model), busy > 0, String.valueOf(fix),
                instances.stream().map(i -> i.tier() + i.endpoint() + i.model() + i.state() + i.promptMode() + i.breaker())
                        .toList(), keptTiers);
    }
}
