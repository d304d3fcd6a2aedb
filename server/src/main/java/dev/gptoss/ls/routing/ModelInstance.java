package dev.gptoss.ls.routing;

import dev.failsafe.Bulkhead;
import dev.failsafe.CircuitBreaker;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.RoutingSettings;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.telemetry.LatencyWindow;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A model on an endpoint, in a tier, with what it has done lately and the policies that protect it:
 * a circuit breaker over its recent failure rate and a bulkhead on its concurrent requests.
 */
public final class ModelInstance {
    private final Tier tier;
    private final String model;
    private final ModelClient client;
    private final RoutingSettings settings;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicBoolean reportedSlow = new AtomicBoolean();
    private final LatencyWindow latency = new LatencyWindow(200);
    private final LatencyEstimate estimate;
    private final CircuitBreaker<Generation> breaker;
    private final Bulkhead<Generation> bulkhead;
    private volatile Consumer<ModelInstance> stateListener = instance -> { };

    public ModelInstance(Tier tier, String model, ModelClient client, RoutingSettings settings, LongSupplier nanoClock) {
        this.tier = tier;
        this.model = model;
        this.client = client;
        this.settings = settings;
        this.estimate = new LatencyEstimate(nanoClock, Duration.ofMillis(settings.latencyDecayMs()).toNanos());
        var b = settings.breaker();
        this.breaker = CircuitBreaker.<Generation>builder()
                // A request the editor withdrew says nothing about the instance.
                .handleIf((result, error) -> error != null && !(error instanceof CancellationException))
                .withFailureRateThreshold(b.failureRatePercent(), b.minimumRequests(), Duration.ofMillis(b.windowMs()))
                .withDelay(Duration.ofMillis(b.openMs()))
                .withSuccessThreshold(b.halfOpenSuccesses())
                .onOpen(event -> stateListener.accept(this))
                .onHalfOpen(event -> stateListener.accept(this))
                .onClose(event -> stateListener.accept(this))
                .build();
        this.bulkhead = Bulkhead.<Generation>builder(settings.maxConcurrent()).build();
    }

    public Tier tier() {
        return tier;
    }

    public String model() {
        return model;
    }

    public ModelClient client() {
        return client;
    }

    public EndpointConfig endpoint() {
        return client.endpoint();
    }

    public RoutingSettings settings() {
        return settings;
    }

    public AtomicInteger outstanding() {
        return outstanding;
    }

    /** Latencies of the last 200 answers (and of attempts cut off by their deadline), for percentiles. */
    public LatencyWindow latency() {
        return latency;
    }

    /** The decaying estimate the balancer compares instances by. */
    public LatencyEstimate estimate() {
        return estimate;
    }

    public CircuitBreaker<Generation> breaker() {
        return breaker;
    }

    public Bulkhead<Generation> bulkhead() {
        return bulkhead;
    }

    /** An open breaker still waiting out its delay: the instance gets no request, not even a probe. */
    public boolean shutOut() {
        return breaker.isOpen() && !breaker.getRemainingDelay().isZero();
    }

    public boolean full() {
        return outstanding.get() >= settings.maxConcurrent();
    }

    /** closed, open or half-open. */
    public String breakerState() {
        return breaker.getState().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Median of recent answers above {@code routing.slowMs}. */
    public boolean slow() {
        Double median = latency.percentileMs(50);
        return median != null && median > settings.slowMs();
    }

    /** Whether {@link #slow()} changed since the last call. */
    boolean slowChanged() {
        boolean now = slow();
        return reportedSlow.getAndSet(now) != now;
    }

    /** Who hears of breaker transitions (the router, which tells the status view). */
    void onStateChange(Consumer<ModelInstance> listener) {
        stateListener = listener;
    }

    /** Whether this instance serves the same thing as {@code other} with the same settings, so it can replace it. */
    boolean sameAs(Tier otherTier, String otherModel, EndpointConfig otherEndpoint, RoutingSettings otherSettings) {
        return tier == otherTier && model.equals(otherModel) && endpoint().equals(otherEndpoint)
                && settings.equals(otherSettings);
    }

    @Override
    public String toString() {
        return tier.id() + ":" + endpoint().name() + "/" + model;
    }
}
