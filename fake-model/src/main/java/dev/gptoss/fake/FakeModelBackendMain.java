package dev.gptoss.fake;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link FakeModelBackend} as a process for benchmarks and editor end-to-end tests. Prints one
 * line {@code FAKE_BACKEND_URL=http://127.0.0.1:PORT} on stdout once listening, logs each request to
 * stderr, and exits on stdin EOF (unless {@code --ignore-stdin}) or SIGTERM.
 */
public final class FakeModelBackendMain {
    private static final String USAGE = "usage: FakeModelBackendMain [--port N] [--flavor ollama|vllm|llamacpp]"
            + " [--answer TEXT] [--reasoning TEXT] [--service-ms N] [--first-token-ms N] [--models a,b]"
            + " [--api-key KEY] [--ignore-stdin]";
    private static final Set<String> VALUED = Set.of("--port", "--flavor", "--answer", "--reasoning",
            "--service-ms", "--first-token-ms", "--models", "--api-key");

    private FakeModelBackendMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FakeModelBackend backend;
        try {
            Map<String, String> options = parse(args);
            backend = FakeModelBackend.start(Flavor.parse(options.getOrDefault("--flavor", "ollama")),
                    Integer.parseInt(options.getOrDefault("--port", "0")));
            configure(backend.behavior(), options);
            if (!options.containsKey("--ignore-stdin")) {
                exitOnStdinEof(backend);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        backend.onRequestFinished(r -> System.err.printf("fake %s %s -> %d%s%n", r.method(), r.path(), r.status(),
                r.clientHungUp() ? " (client hung up)" : r.completed() ? "" : " (dropped)"));
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "fake-backend-shutdown"));
        System.out.println("FAKE_BACKEND_URL=" + backend.url());
        System.out.flush();
        // The fake's threads are daemons; this one keeps the process alive until EOF or a signal.
        Thread.currentThread().join();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--ignore-stdin")) {
                options.put(args[i], "");
            } else if (!VALUED.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            } else if (i + 1 == args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            } else {
                options.put(args[i], args[++i]);
            }
        }
        return options;
    }

    private static void configure(FakeBehavior behavior, Map<String, String> options) {
        options.forEach((name, value) -> {
            switch (name) {
                case "--answer" -> behavior.answer(value);
                case "--reasoning" -> behavior.reasoning(value);
                case "--service-ms" -> behavior.serviceTime(Duration.ofMillis(Long.parseLong(value)));
                case "--first-token-ms" -> behavior.firstTokenDelay(Duration.ofMillis(Long.parseLong(value)));
                case "--models" -> behavior.models(value.split(","));
                case "--api-key" -> behavior.apiKey(value);
                default -> { }
            }
        });
    }

    /** The parent closing our stdin is how a benchmark or editor test says it is done (or died). */
    private static void exitOnStdinEof(FakeModelBackend backend) {
        Thread watch = new Thread(() -> {
            drain(System.in);
            backend.close();
            System.exit(0);
        }, "fake-backend-stdin");
        watch.setDaemon(true);
        watch.start();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone, the same as EOF.
        }
    }
}
