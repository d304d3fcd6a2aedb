package dev.gptoss.ls.routing;

import dev.failsafe.Failsafe;
import dev.failsafe.Fallback;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.gptoss.ls.backend.BackendException;
import dev.gptoss.ls.backend.EndpointHealth;
import dev.gptoss.ls.backend.EndpointState;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.RoutingSettings;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Sends each request to the right instance and keeps answering while any healthy one is left.
 * {@link InstanceBalancer} orders the instances; each attempt runs under the instance's Failsafe
 * policies (bulkhead, circuit breaker, a timeout at the request's deadline, one reconnect when the
 * connection failed before any byte came back); a failed attempt falls back to the next instance
 * unless text already reached the caller. The answer never comes later than the deadline.
 */
public final class ModelRouter {
    private static final Logger LOG = Logger.getLogger(ModelRouter.class.getName());
    private static final long DEADLINE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final HealthMonitor health;
    private final PromptModes modes;
    private final MetricsRecorder metrics;
    private final CallerRunsScheduler scheduler;
    private final InstanceBalancer balancer;
    private final RetryPolicy<Generation> reconnect = RetryPolicy.<Generation>builder()
            .handleIf((result, error) -> connectionFailed(error))
            .withMaxRetries(1)
            .build();
    private final WaitingCalls waiting;
    private final List<Runnable> busyListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> instanceListeners = new CopyOnWriteArrayList<>();
    private volatile ModelInstances instances;
    private volatile RoutingSettings settings;

    public ModelRouter(ModelInstances instances, RoutingSettings settings, HealthMonitor health, PromptModes modes,
                       MetricsRecorder metrics, ExecutorService executor, RandomGenerator random) {
        this.health = health;
        this.modes = modes;
        this.metrics = metrics;
        this.scheduler = new CallerRunsScheduler(executor);
        this.balancer = new InstanceBalancer(new ComplexityScorer(), this::healthy, random, System::nanoTime);
        this.waiting = new WaitingCalls(health);
        use(instances, settings);
    }

    public void use(ModelInstances instances, RoutingSettings settings) {
        instances.all().forEach(i -> i.onStateChange(this::breakerChanged));
        this.settings = settings;
        this.instances = instances;
    }

    public ModelInstances instances() {
        return instances;
    }

    /** Called when the server goes from idle to busy or back, for a status spinner. */
    public void onBusyChange(Runnable listener) {
        busyListeners.add(listener);
    }

    /** Called when an instance's breaker opens, half-opens or closes, or it turns slow or fast again. */
    public void onInstanceChange(Runnable listener) {
        instanceListeners.add(listener);
    }

    /**
     * Whether an instance that serves completions has a slot free beyond the requests it is
     * serving now, so that a call running on does not make the next one wait in the model
     * server's queue.
     */
    public boolean hasIdleSlot() {
        List<ModelInstance> fast = instances.tier(Tier.FAST);
        for (ModelInstance instance : fast.isEmpty() ? instances.all() : fast) {
            if (healthy(instance) && instance.outstanding().get() < health.health(instance.endpoint()).slots()) {
                return true;
            }
        }
        return false;
    }

    /** The order instances would be tried in for this request now, without sending anything. */
    public InstanceBalancer.RoutePlan plan(RouteRequest route) {
        return balancer.plan(route, instances, settings);
    }

    /**
     * Generates on the best instance for {@code route}, falling back to others. The request is built per
     * attempted instance (prompt modes differ). Cancelling the returned future aborts the HTTP exchange.
     * It fails with {@link NoInstanceAvailableException} when no instance may take the request, and with
     * a {@link TimeoutException} at the deadline.
     */
    public CompletableFuture<RoutedGeneration> generate(RouteRequest route,
                                                        Function<ModelInstance, GenerationRequest> requests,
                                                        TextSink sink) {
        InstanceBalancer.RoutePlan plan = plan(route);
        if (plan.deadlineMoved()) {
            metrics.count(MetricsRecorder.ROUTING, "deadlineMoves");
        }
        if (plan.order().isEmpty()) {
            metrics.count(MetricsRecorder.ROUTING, "noInstance");
            return CompletableFuture.failedFuture(new NoInstanceAvailableException(
                    "No model instance can take a request now (breakers open, servers full or none configured)"));
        }
        LOG.fine(() -> "Route " + route.kind() + " (score " + plan.score() + ") to " + plan.order());
        return new RoutedCall(route, plan.order(), requests, sink).start();
    }

    /** One request, through its attempts. */
    private final class RoutedCall {
        final RouteRequest route;
        final List<ModelInstance> order;
        final Function<ModelInstance, GenerationRequest> requests;
        final TextSink sink;
        final CompletableFuture<RoutedGeneration> result = new CompletableFuture<>();
        final AtomicReference<CompletableFuture<Generation>> current = new AtomicReference<>();
        final long start = System.nanoTime();
        volatile boolean delivered;
        volatile ModelInstance servedBy;
        /** The last attempt's own failure: Failsafe reports a retry it gave up on as a cancellation. */
        volatile Throwable lastFailure;

        RoutedCall(RouteRequest route, List<ModelInstance> order, Function<ModelInstance, GenerationRequest> requests,
                   TextSink sink) {
            this.route = route;
            this.order = order;
            this.requests = requests;
            this.sink = sink;
        }

        CompletableFuture<RoutedGeneration> start() {
            long remaining = route.remainingNanos(start);
            if (remaining <= 0) {
                result.completeExceptionally(new TimeoutException("The deadline passed before routing"));
                return result;
            }
            result.orTimeout(remaining, TimeUnit.NANOSECONDS);
            result.whenComplete((done, error) -> finish(error));
            attempt(0).whenComplete((generation, error) -> {
                if (error != null) {
                    Throwable cause = unwrap(error);
                    Throwable failure = lastFailure;
                    result.completeExceptionally(cause instanceof CancellationException && failure != null ? failure : cause);
                } else {
                    result.complete(new RoutedGeneration(generation, servedBy));
                }
            });
            return result;
        }

        private void finish(Throwable error) {
            CompletableFuture<Generation> running = current.get();
            if (running != null) {
                running.cancel(true);
            }
            Throwable cause = unwrap(error);
            if (!(cause instanceof CancellationException)) {
                metrics.record(MetricsRecorder.ROUTING, System.nanoTime() - start, cause != null);
            }
            if (cause == null) {
                balancer.served(route.documentUri(), servedBy);
            }
        }

        private CompletableFuture<Generation> attempt(int index) {
            long remaining = route.remainingNanos(System.nanoTime());
            if (result.isDone() || remaining <= 0) {
                return CompletableFuture.failedFuture(new CancellationException("The request ended"));
            }
            ModelInstance instance = order.get(index);
            if (index > 0) {
                metrics.count(MetricsRecorder.ROUTING, "fallbacks");
                LOG.fine(() -> "Falling back to " + instance);
            }
            Fallback<Generation> next = Fallback.<Generation>builderOfStage(event -> attempt(index + 1))
                    .handleIf((generation, error) -> error != null && index + 1 < order.size() && mayMoveOn(error))
                    .build();
            return Failsafe.with(next, reconnect, instance.bulkhead(), instance.breaker(),
                            Timeout.<Generation>of(Duration.ofNanos(remaining)))
                    .with(scheduler)
                    .getStageAsync(() -> call(instance));
        }

        /** Text already went to the caller: another instance would start the answer over. */
        private boolean mayMoveOn(Throwable error) {
            return !delivered && !result.isDone() && !(error instanceof CancellationException);
        }

        /** One HTTP exchange; an endpoint that refuses raw prompts is asked again in chat mode. */
        private CompletableFuture<Generation> call(ModelInstance instance) {
            if (result.isDone()) {
                return CompletableFuture.failedFuture(new CancellationException("The request ended"));
            }
            GenerationRequest request = requests.apply(instance);
            CompletableFuture<Generation> call = sendAndRecord(instance, request, delta -> {
                delivered = true;
                return !result.isDone() && sink.accept(delta);
            }, route.deadlineNanos());
            CompletableFuture<Generation> previous = current.getAndSet(call);
            if (previous != null) {
                previous.cancel(true);
            }
            if (result.isDone()) {
                call.cancel(true);
            }
            CompletableFuture<Generation> answered = call.exceptionallyCompose(error -> {
                Throwable cause = unwrap(error);
                if (!(cause instanceof CancellationException)) {
                    lastFailure = cause;
                }
                if (refusedRaw(cause, request, instance) && !delivered && !result.isDone()) {
                    LOG.info(() -> "Endpoint " + instance.endpoint().name() + " refused a raw prompt ("
                            + cause.getMessage() + "); using chat prompts from now on");
                    modes.learn(instance.endpoint(), PromptMode.CHAT);
                    return call(instance);
                }
                return CompletableFuture.failedFuture(cause);
            }).thenApply(generation -> {
                servedBy = instance;
                return generation;
            });
            // Failsafe cancels the stage it was given (timeout, cancellation); that must reach the HTTP exchange.
            answered.whenComplete((generation, error) -> {
                if (answered.isCancelled()) {
                    call.cancel(true);
                }
            });
            return answered;
        }
    }

    /** Sends one request and keeps the books on the instance: outstanding requests, latency, metrics, health. */
    private CompletableFuture<Generation> sendAndRecord(ModelInstance instance, GenerationRequest request, TextSink sink,
                                              long deadlineNanos) {
        long start = System.nanoTime();
        if (instance.outstanding().getAndIncrement() == 0) {
            busyListeners.forEach(Runnable::run);
        }
        CompletableFuture<Generation> call = waiting.start(instance.endpoint(),
                () -> instance.client().generate(request, sink));
        call.whenComplete((generation, error) -> {
            long now = System.nanoTime();
            long elapsed = now - start;
            Throwable cause = unwrap(error);
            if (generation != null) {
                instance.latency().record(elapsed);
                instance.estimate().observe(elapsed);
                metrics.recordInstance(instance.toString(), elapsed, false);
            } else if (cause instanceof CancellationException) {
                if (now >= deadlineNanos - DEADLINE_SLACK_NANOS) {
                    // Cut off by the deadline: the instance takes at least this long.
                    instance.latency().record(elapsed);
                    metrics.recordInstance(instance.toString(), elapsed, true);
                }
                if (elapsed / 1_000_000.0 > instance.estimate().millis()) {
                    instance.estimate().observe(elapsed);
                }
            } else {
                metrics.recordInstance(instance.toString(), elapsed, true);
                if (connectionFailed(cause)) {
                    health.suspect(instance.endpoint());
                }
                LOG.log(Level.FINE, "Request to " + instance + " failed", cause);
            }
            if (instance.slowChanged()) {
                instanceListeners.forEach(Runnable::run);
            }
            if (instance.outstanding().decrementAndGet() == 0) {
                busyListeners.forEach(Runnable::run);
            }
        });
        return call;
    }

    private void breakerChanged(ModelInstance instance) {
        String state = instance.breakerState();
        LOG.info(() -> "Circuit breaker of " + instance + " is " + state);
        if (state.equals("open")) {
            metrics.countInstance(instance.toString(), "breakerOpens");
        }
        instanceListeners.forEach(Runnable::run);
    }

    private boolean healthy(ModelInstance instance) {
        EndpointHealth h = health.health(instance.endpoint());
        return h.state() == EndpointState.UNKNOWN || h.state() == EndpointState.READY && h.hasModel(instance.model());
    }

    private static boolean refusedRaw(Throwable cause, GenerationRequest request, ModelInstance instance) {
        return cause instanceof BackendException b && b.unsupportedRequest() && !b.modelMissing()
                && request.mode() == PromptMode.RAW && instance.endpoint().promptMode() == PromptMode.AUTO;
    }

    /** The connection failed before any byte came back: the only failure worth repeating on the same instance. */
    private static boolean connectionFailed(Throwable error) {
        return unwrap(error) instanceof BackendException b && b.status() == 0 && !b.responseStarted();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
