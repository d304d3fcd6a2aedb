package dev.gptoss.ls.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gptoss.ls.concurrent.Lazy;
import dev.gptoss.ls.config.RoutingSettings;
import dev.gptoss.ls.config.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Orders the instances a request may try. The complexity score picks the tier (or both, between the
 * thresholds); an automatic completion goes to the other tier when its own cannot meet the deadline.
 * Within the tier the first choice is the cheaper of two picked at random (power of two choices, cost
 * = latency estimate × requests outstanding), or the instance that served the document last, for its
 * prompt cache, unless it costs more than twice as much. The rest follow cheapest first, then the
 * other tier, then instances the health checks doubt, as a last resort. Instances whose breaker is
 * open, or whose bulkhead is full, are left out.
 */
public final class InstanceBalancer {
    private static final double AFFINITY_TOLERANCE = 2.0;
    /** Of the time left, the share an instance's median may use: the rest goes to the prompt, the hop, the shaping. */
    private static final double DEADLINE_HEADROOM = 0.8;

    private final ComplexityScorer scorer;
    private final Predicate<ModelInstance> healthy;
    private final RandomGenerator random;
    private final LongSupplier clock;
    private final Lazy<Cache<String, ModelInstance>> lastServed = Lazy.of(() -> Caffeine.newBuilder()
            .maximumSize(1000).executor(Runnable::run).<String, ModelInstance>build());

    public InstanceBalancer(ComplexityScorer scorer, Predicate<ModelInstance> healthy, RandomGenerator random,
                            LongSupplier nanoClock) {
        this.scorer = scorer;
        this.healthy = healthy;
        this.random = random;
        this.clock = nanoClock;
    }

    /** The instances to try, in order; empty when none may take a request now. */
    public RoutePlan plan(RouteRequest request, ModelInstances instances, RoutingSettings settings) {
        int score = scorer.score(request);
        List<Tier> tiers = score <= settings.fastMaxScore() ? List.of(Tier.FAST)
                : score >= settings.strongMinScore() ? List.of(Tier.STRONG) : List.of(Tier.FAST, Tier.STRONG);
        var pool = new ArrayList<ModelInstance>();
        var others = new ArrayList<ModelInstance>();
        var doubtful = new ArrayList<ModelInstance>();
        for (ModelInstance instance : instances.all()) {
            if (instance.shutOut() || instance.full()) {
                continue;
            }
            if (!healthy.test(instance)) {
                doubtful.add(instance);
            } else if (tiers.contains(instance.tier())) {
                pool.add(instance);
            } else {
                others.add(instance);
            }
        }
        boolean deadlineMoved = false;
        if (request.automatic()) {
            double budgetMs = request.remainingNanos(clock.getAsLong()) / 1_000_000.0;
            if (pool.stream().noneMatch(i -> meets(i, budgetMs)) && others.stream().anyMatch(i -> meets(i, budgetMs))) {
                var swap = new ArrayList<>(pool);
                pool.clear();
                pool.addAll(others);
                others.clear();
                others.addAll(swap);
                deadlineMoved = true;
            }
        }
        var order = new ArrayList<ModelInstance>(instances.all().size());
        if (!pool.isEmpty()) {
            ModelInstance first = firstChoice(pool, request.documentUri());
            order.add(first);
            pool.remove(first);
        }
        pool.sort(Comparator.comparingDouble(InstanceBalancer::cost));
        others.sort(Comparator.comparingDouble(InstanceBalancer::cost));
        order.addAll(pool);
        order.addAll(others);
        doubtful.sort(Comparator.comparing((ModelInstance i) -> !tiers.contains(i.tier())));
        order.addAll(doubtful);
        Tier tier = order.isEmpty() ? tiers.get(0) : order.get(0).tier();
        return new RoutePlan(List.copyOf(order), score, tier, deadlineMoved);
    }

    /** Requests from this document should go back to this instance while it is not busy. */
    public void served(String documentUri, ModelInstance instance) {
        if (documentUri != null) {
            lastServed.get().put(documentUri, instance);
        }
    }

    private ModelInstance firstChoice(List<ModelInstance> pool, String documentUri) {
        ModelInstance pick = twoChoices(pool);
        ModelInstance last = documentUri == null ? null : lastServed.get().getIfPresent(documentUri);
        if (last != null && last != pick && pool.contains(last) && cost(last) <= AFFINITY_TOLERANCE * cost(pick)) {
            return last;
        }
        return pick;
    }

    private ModelInstance twoChoices(List<ModelInstance> pool) {
        if (pool.size() == 1) {
            return pool.get(0);
        }
        int a = random.nextInt(pool.size());
        int b = random.nextInt(pool.size() - 1);
        if (b >= a) {
            b++;
        }
        ModelInstance first = pool.get(a);
        ModelInstance second = pool.get(b);
        return cost(second) < cost(first) ? second : first;
    }

    /** Whether the instance's recent median fits the budget (an unmeasured one gets the benefit of the doubt). */
    private static boolean meets(ModelInstance instance, double budgetMs) {
        Double median = instance.latency().percentileMs(50);
        return median == null || median < budgetMs * DEADLINE_HEADROOM;
    }

    private static double cost(ModelInstance instance) {
        return (instance.estimate().millis() + 1) * (instance.outstanding().get() + 1);
    }

    /**
     * @param order the instances to try, first choice first
     * @param tier the tier of the first choice
     * @param deadlineMoved an automatic completion left its scored tier for one that can meet its deadline
     */
    public record RoutePlan(List<ModelInstance> order, int score, Tier tier, boolean deadlineMoved) {
    }
}
