package dev.gptoss.ls.config;

/** How often endpoints are probed in the background. */
public record HealthSettings(int intervalMs, int timeoutMs) {
    public static final HealthSettings DEFAULT = new HealthSettings(5000, 1500);
}
