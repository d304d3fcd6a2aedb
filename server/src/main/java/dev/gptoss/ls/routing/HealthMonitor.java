package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.EndpointHealth;
import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.EndpointState;
import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.backend.PromptModeProbe;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.HealthSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Probes every endpoint in the background, backing off while one is down, and learns the prompt
 * mode of {@code auto} endpoints once their model is there.
 */
public final class HealthMonitor {
    private static final Logger LOG = Logger.getLogger(HealthMonitor.class.getName());
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final long MODE_PROBE_TIMEOUT_S = 90;

    private final EndpointProbe probe;
    private final PromptModeProbe modeProbe = new PromptModeProbe();
    private final PromptModes modes;
    private final ScheduledExecutorService scheduler;
    private final Map<String, EndpointHealth> latest = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Set<String> modeProbesRunning = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ModelInstances instances;
    private volatile HealthSettings settings = HealthSettings.DEFAULT;
    private volatile boolean running;

    public HealthMonitor(EndpointProbe probe, PromptModes modes, ScheduledExecutorService scheduler) {
        this.probe = probe;
        this.modes = modes;
        this.scheduler = scheduler;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Starts (or restarts, after a configuration change) probing these endpoints in the background. */
    public synchronized void watch(ModelInstances instances, HealthSettings settings) {
        use(instances, settings);
        running = true;
        instances.clients().values().forEach(client -> schedule(client, 0));
    }

    /** Probes every endpoint once, prompt modes included, for a one-shot status report. */
    public CompletableFuture<Void> probeOnce(ModelInstances instances, HealthSettings settings) {
        use(instances, settings);
        return CompletableFuture.allOf(instances.clients().values().stream()
                .map(this::check).toArray(CompletableFuture[]::new));
    }

    public synchronized void stop() {
        running = false;
        scheduled.values().forEach(f -> f.cancel(false));
        scheduled.clear();
    }

    public EndpointHealth health(EndpointConfig endpoint) {
        EndpointHealth health = latest.get(endpoint.name());
        return health != null && health.endpoint().equals(endpoint) ? health : EndpointHealth.unknown(endpoint);
    }

    /** A request failed without any answer: look again now rather than at the next tick. */
    public void suspect(EndpointConfig endpoint) {
        ModelInstances current = instances;
        ModelClient client = current == null ? null : current.clients().get(endpoint.name());
        if (running && client != null && client.endpoint().equals(endpoint)) {
            schedule(client, 0);
        }
    }

    private void use(ModelInstances instances, HealthSettings settings) {
        this.instances = instances;
        this.settings = settings;
        scheduled.values().forEach(f -> f.cancel(false));
        scheduled.clear();
        latest.keySet().retainAll(instances.clients().keySet());
    }

    private synchronized void schedule(ModelClient client, long delayMs) {
        ModelInstances current = instances;
        // A probe still in flight when a new configuration replaced its endpoint must not go on
        // probing it (with its API key) on its own schedule.
        if (!running || current == null || current.clients().get(client.endpoint().name()) != client) {
            return;
        }
        ScheduledFuture<?> previous = scheduled.put(client.endpoint().name(), scheduler.schedule(
                () -> check(client).whenComplete((health, error) -> scheduleNext(client, health)),
                delayMs, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void scheduleNext(ModelClient client, EndpointHealth health) {
        String name = client.endpoint().name();
        int interval = settings.intervalMs();
        boolean down = health == null || health.state() == EndpointState.OFFLINE;
        int failed = down ? failures.merge(name, 1, Integer::sum) : 0;
        if (!down) {
            failures.remove(name);
        }
        long backoff = failed <= 1 ? interval : Math.min(MAX_BACKOFF_MS, (long) interval << Math.min(failed - 1, 4));
        schedule(client, Math.max(interval, backoff));
    }

    private CompletableFuture<EndpointHealth> check(ModelClient client) {
        EndpointConfig endpoint = client.endpoint();
        return probe.probe(endpoint, Duration.ofMillis(settings.timeoutMs())).thenCompose(health -> {
            ModelInstances current = instances;
            if (current == null || current.clients().get(endpoint.name()) != client) {
                return CompletableFuture.completedFuture(health);
            }
            record(health);
            return health.state() == EndpointState.READY
                    ? learnPromptMode(client, health).thenApply(ignored -> health)
                    : CompletableFuture.completedFuture(health);
        });
    }

    private void record(EndpointHealth health) {
        EndpointHealth before = latest.put(health.endpoint().name(), health);
        boolean changed = before == null || before.state() != health.state()
                || !Objects.equals(before.models(), health.models());
        if (changed) {
            LOG.info(() -> "Endpoint " + health.endpoint().name() + " is " + health.state().id() + ": " + health.detail());
            listeners.forEach(Runnable::run);
        }
    }

    private CompletableFuture<Void> learnPromptMode(ModelClient client, EndpointHealth health) {
        EndpointConfig endpoint = client.endpoint();
        var model = instances.all().stream()
                .filter(i -> i.endpoint().equals(endpoint) && health.hasModel(i.model()))
                .map(ModelInstance::model)
                .findFirst();
        if (model.isEmpty() || modes.knownMode(endpoint).isPresent() || !modeProbesRunning.add(endpoint.name())) {
            return CompletableFuture.completedFuture(null);
        }
        return modeProbe.probe(client, model.get())
                .orTimeout(MODE_PROBE_TIMEOUT_S, TimeUnit.SECONDS)
                .handle((mode, error) -> {
                    modeProbesRunning.remove(endpoint.name());
                    if (mode != null) {
                        modes.learn(endpoint, mode);
                        LOG.info(() -> "Endpoint " + endpoint.name() + " takes " + mode.id() + " prompts");
                        listeners.forEach(Runnable::run);
                    }
                    return null;
                });
    }
}
