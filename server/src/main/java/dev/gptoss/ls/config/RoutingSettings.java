package dev.gptoss.ls.config;

/**
 * How requests are spread over model instances.
 *
 * @param fastMaxScore complexity scores up to this go to the fast tier
 * @param strongMinScore complexity scores from this go to the strong tier; in between, whichever is cheaper now
 * @param maxConcurrent requests one instance may serve at once (its bulkhead); more go elsewhere
 * @param latencyDecayMs how fast an instance's latency estimate forgets, so a once-slow instance is tried again
 * @param slowMs median latency above which an instance is reported slow
 */
public record RoutingSettings(int fastMaxScore, int strongMinScore, int maxConcurrent, int latencyDecayMs, int slowMs,
                              BreakerSettings breaker) {
    public static final RoutingSettings DEFAULT =
            new RoutingSettings(30, 60, 4, 10_000, 1000, BreakerSettings.DEFAULT);

    /**
     * The circuit breaker of each instance.
     *
     * @param failureRatePercent failures, of the requests in the window, that open the breaker
     * @param minimumRequests requests in the window before the rate counts
     * @param windowMs the window over which failures are counted
     * @param openMs how long an open breaker refuses requests before letting probes through
     * @param halfOpenSuccesses successful probes that close it again
     */
    public record BreakerSettings(int failureRatePercent, int minimumRequests, int windowMs, int openMs,
                                  int halfOpenSuccesses) {
        public static final BreakerSettings DEFAULT = new BreakerSettings(50, 4, 30_000, 5_000, 1);
    }
}
