package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.telemetry.LatencyWindow;
import java.util.concurrent.atomic.AtomicInteger;

/** A model on an endpoint, in a tier, with what it has done lately. */
public final class ModelInstance {
    private final Tier tier;
    private final String model;
    private final ModelClient client;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final LatencyWindow latency = new LatencyWindow(200);

    public ModelInstance(Tier tier, String model, ModelClient client) {
        this.tier = tier;
        this.model = model;
        this.client = client;
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

    public AtomicInteger outstanding() {
        return outstanding;
    }

    public LatencyWindow latency() {
        return latency;
    }

    @Override
    public String toString() {
        return tier.id() + ":" + endpoint().name() + "/" + model;
    }
}
