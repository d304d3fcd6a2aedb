package dev.gptoss.ls.concurrent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's threads, by what they are for, each pool bounded. The thread reading the editor's
 * messages belongs to LSP4J and only hands work on; what the user waits for runs on {@link #requests};
 * model calls' HTTP callbacks and deadlines on {@link #modelCalls};
 * start-up and background work on one {@link #background} thread that yields to the user's requests
 * ({@link ForegroundWork}); delays on the {@link #timer}. Every thread is a daemon.
 */
public final class ServerThreads implements AutoCloseable {
    /** Model calls wait on the network, not the CPU: a few more threads than cores. */
    private static final int MODEL_CALL_THREADS = 4;
    private final ThreadPoolExecutor protocol = pool("gptoss-protocol", 1);
    /**
     * Twice the cores: a prompt may wait a few milliseconds for a document's first parse, and those
     * waits must not hold up the next request.
     */
    private final ThreadPoolExecutor requests = pool("gptoss-requests",
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    private final ThreadPoolExecutor modelCalls = pool("gptoss-model-calls", MODEL_CALL_THREADS);
    private final ThreadPoolExecutor background = pool("gptoss-background", 1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemons("gptoss-timer"));

    /** LSP4J's message loop: the reader of the editor's messages, nothing else. */
    public ExecutorService protocol() {
        return protocol;
    }

    /** What the editor waits for: building prompts, diagnostics, code actions, status. */
    public ExecutorService requests() {
        return requests;
    }

    /** The HTTP client's callbacks and the router's deadlines. */
    public ExecutorService modelCalls() {
        return modelCalls;
    }

    /** Work nobody waits for: loading the pattern catalogue and the tokenizer. */
    public ExecutorService background() {
        return background;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    /** Per pool: threads now, the most ever, tasks running and waiting; for {@code gptoss/metrics}. */
    public Map<String, Object> sizes() {
        var sizes = new LinkedHashMap<String, Object>();
        sizes.put("protocol", size(protocol));
        sizes.put("requests", size(requests));
        sizes.put("modelCalls", size(modelCalls));
        sizes.put("background", size(background));
        return sizes;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        background.shutdownNow();
        requests.shutdownNow();
        modelCalls.shutdownNow();
        protocol.shutdownNow();
    }

    /** After {@link #close}: waits for the tasks that were running to end, at most {@code max}. */
    public void awaitTermination(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            for (ExecutorService pool : List.of(protocol, requests, modelCalls, background, timer)) {
                pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> size(ThreadPoolExecutor pool) {
        var size = new LinkedHashMap<String, Object>();
        size.put("max", pool.getMaximumPoolSize());
        size.put("threads", pool.getPoolSize());
        size.put("largest", pool.getLargestPoolSize());
        size.put("active", pool.getActiveCount());
        size.put("queued", pool.getQueue().size());
        return size;
    }

    /** Up to {@code threads} threads, made when needed and let go after a minute idle; an unbounded queue. */
    private static ThreadPoolExecutor pool(String name, int threads) {
        var pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemons(String name) {
        var count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
