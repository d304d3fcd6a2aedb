package dev.gptoss.ls.routing;

/** One instance as the editor's status view shows it. */
public record InstanceStatus(
        String tier,
        String endpoint,
        String url,
        String api,
        String model,
        String state,
        String promptMode,
        String detail,
        Double p50Ms,
        Double p95Ms,
        int outstanding,
        String breaker) {
}
