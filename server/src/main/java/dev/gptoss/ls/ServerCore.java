package dev.gptoss.ls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.backend.EndpointProbe;
import dev.gptoss.ls.backend.ModelHttp;
import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigState;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.routing.HealthMonitor;
import dev.gptoss.ls.routing.ModelInstances;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.routing.StatusBoard;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every long-lived object of the server, created once and passed to whoever needs it; nothing is
 * static. The protocol layer and the command-line tools both sit on top of this.
 */
public final class ServerCore implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService work = Executors.newCachedThreadPool(daemonThreads("gptoss-work"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("gptoss-timer"));
    private final ConfigState config = new ConfigState(new ConfigReader(json));
    private final DocumentStore documents = new DocumentStore();
    private final PromptModes modes = new PromptModes();
    private final MetricsRecorder metrics;
    private final ModelHttp http;
    private final HealthMonitor health;
    private final ModelRouter router;
    private final StatusBoard status;
    private final InlineCompletions completions;
    private volatile boolean watching;

    public ServerCore(ApiKeys keys) {
        this(keys, MetricsRecorder.systemClock());
    }

    public ServerCore(ApiKeys keys, MetricsRecorder metrics) {
        this.metrics = metrics;
        http = ModelHttp.create(json, keys, work);
        health = new HealthMonitor(new EndpointProbe(http), modes, scheduler);
        GptossConfig initial = config.current();
        router = new ModelRouter(ModelInstances.from(initial, http), initial.routing(), health, modes, metrics, work,
                ThreadLocalRandom.current());
        status = new StatusBoard(health, modes, router::instances);
        completions = new InlineCompletions(router, modes, () -> config.current().completion(),
                CursorWindow.standard(), metrics);
        config.onChange(this::use);
    }

    /** Starts background health checks; the command-line tools that probe once do not call this. */
    public void startHealthChecks() {
        watching = true;
        health.watch(router.instances(), config.current().health());
    }

    private void use(GptossConfig next) {
        ModelInstances instances = ModelInstances.from(next, http, router.instances());
        router.use(instances, next.routing());
        if (watching) {
            health.watch(instances, next.health());
        }
    }

    public ObjectMapper json() {
        return json;
    }

    public ExecutorService work() {
        return work;
    }

    public ConfigState config() {
        return config;
    }

    public DocumentStore documents() {
        return documents;
    }

    public ModelHttp http() {
        return http;
    }

    public HealthMonitor health() {
        return health;
    }

    public ModelRouter router() {
        return router;
    }

    public MetricsRecorder metrics() {
        return metrics;
    }

    public PromptModes modes() {
        return modes;
    }

    public StatusBoard status() {
        return status;
    }

    public InlineCompletions completions() {
        return completions;
    }

    @Override
    public void close() {
        health.stop();
        scheduler.shutdownNow();
        work.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name) {
        var count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
