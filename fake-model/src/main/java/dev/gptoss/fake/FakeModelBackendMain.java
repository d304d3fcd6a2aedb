package dev.gptoss.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar gptoss-fake-model-runnable.jar}: a {@link FakeModelBackend} as a process, to try
 * gptoss-ls without a model and for benchmarks and editor end-to-end tests. Prints one line
 * {@code FAKE_BACKEND_URL=http://127.0.0.1:PORT} on stdout once listening, logs each request to
 * stderr, and runs until SIGTERM or Ctrl-C (or stdin's end, with {@code --exit-on-stdin-eof}).
 */
public final class FakeModelBackendMain {
    /** Fits the README's example ({@code complete test-workspace/python/calc.py:6:5}) and reads as code in most languages. */
    static final String DEFAULT_ANSWER = "return a + b";
    static final String DEFAULT_MODELS = "gpt-oss:20b,gpt-oss:120b";
    private static final String USAGE = """
            usage: java -jar fake-model/target/gptoss-fake-model-runnable.jar [OPTION]...

            A fake gpt-oss model server on 127.0.0.1, to try gptoss-ls without a model (and for its tests).
            It speaks the wire format of the server it imitates and answers every completion and chat
            request with the same text. With no option it is Ollama on its usual port, so gptoss-ls's
            default configuration finds it:
              java -jar fake-model/target/gptoss-fake-model-runnable.jar
              java -jar server/target/gptoss-ls.jar complete test-workspace/python/calc.py:6:5

            options:
              --flavor ollama|vllm|llamacpp|tabby  the server to imitate (default ollama)
              --port N                       port on 127.0.0.1 (default: the flavor's usual one,
                                             11434, 8000 or 8080 (Tabby too); 0 picks a free port)
              --answer TEXT                  what every request is answered with (default "%s")
              --reasoning TEXT               reasoning sent before the answer, in the flavor's
                                             reasoning field (default none)
              --service-ms N                 milliseconds from a request to its last byte (default 0)
              --first-token-ms N             milliseconds of silence before the first byte (default 0)
              --models A,B                   the models it has (default %s);
                                             any other model gets the flavor's "not found" answer
              --api-key KEY                  require "Authorization: Bearer KEY"
              --infilling FILE,...           answer as a perfect model for the tasks of these files
                                             (HumanEval infilling's .jsonl or .jsonl.gz: gptoss-ls eval)
              --answer-shape SHAPE           how that answer is written: bare (default),
                                             typed-indent-repeated, relative-indent, fenced,
                                             sentence-first or dedented
              --exit-on-stdin-eof            exit when stdin closes (for a parent process that may die)
              -h, --help                     show this text

            Once listening it prints FAKE_BACKEND_URL=http://127.0.0.1:PORT on stdout, then one line per
            request on stderr. Ctrl-C stops it. Exit status 2: bad option or the port is taken.
            """.formatted(DEFAULT_ANSWER, DEFAULT_MODELS);
    private static final Set<String> VALUED = Set.of("--port", "--flavor", "--answer", "--reasoning",
            "--service-ms", "--first-token-ms", "--models", "--api-key", "--infilling", "--answer-shape");
    private static final Set<String> FLAGS = Set.of("--exit-on-stdin-eof", "--help", "-h");

    private FakeModelBackendMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        Flavor flavor;
        InfillingOracle oracle;
        try {
            options = parse(args);
            flavor = flavor(options.getOrDefault("--flavor", "ollama"));
            oracle = oracle(options);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("gptoss-fake-model: " + e.getMessage() + " (--help lists the options)");
            System.exit(2);
            return;
        }
        if (options.containsKey("--help") || options.containsKey("-h")) {
            System.out.print(USAGE);
            return;
        }
        int port = number(options, "--port", defaultPort(flavor));
        FakeModelBackend backend;
        try {
            backend = FakeModelBackend.start(flavor, port);
        } catch (UncheckedIOException e) {
            System.err.println("gptoss-fake-model: cannot listen on 127.0.0.1:" + port + " (" + e.getCause().getMessage()
                    + "). Is a model server already running there? Then gptoss-ls can use it; or pick another"
                    + " port with --port N (0 for any free one).");
            System.exit(2);
            return;
        }
        configure(backend.behavior(), options);
        if (oracle != null) {
            backend.behavior().answer(oracle);
        }
        if (options.containsKey("--exit-on-stdin-eof")) {
            ProcessOptions.exitOnStdinEof(backend, "fake-backend-stdin");
        }
        backend.onRequestFinished(r -> System.err.printf("fake %s %s -> %d%s%n", r.method(), r.path(), r.status(),
                r.clientHungUp() ? " (client hung up)" : r.completed() ? "" : " (dropped)"));
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "fake-backend-shutdown"));
        System.out.println("FAKE_BACKEND_URL=" + backend.url());
        System.out.flush();
        System.err.printf("Fake %s server on %s with %s; %s. Ctrl-C stops it.%n",
                flavor.name().toLowerCase(java.util.Locale.ROOT), backend.url(),
                options.getOrDefault("--models", DEFAULT_MODELS), oracle != null
                        ? "it answers the tasks of " + options.get("--infilling") + " as a perfect model would"
                        : "every answer is \"" + options.getOrDefault("--answer", DEFAULT_ANSWER) + "\"");
        // The fake's threads are daemons; this one keeps the process alive until a signal (or stdin's end).
        Thread.currentThread().join();
    }

    /** The perfect model for {@code --infilling}'s tasks, written as {@code --answer-shape} says; null without. */
    private static InfillingOracle oracle(Map<String, String> options) {
        return InfillingOracle.fromOptions(options.get("--infilling"), options.getOrDefault("--answer-shape", "bare"));
    }

    private static Flavor flavor(String name) {
        try {
            return Flavor.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--flavor must be ollama, vllm, llamacpp or tabby, got \"" + name + "\"");
        }
    }

    /** Where the real server listens by default, so that a client's default configuration finds the fake. */
    static int defaultPort(Flavor flavor) {
        return switch (flavor) {
            case OLLAMA -> 11434;
            case VLLM -> 8000;
            case LLAMACPP, TABBY -> 8080;
        };
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = ProcessOptions.parse(args, VALUED, FLAGS);
        for (String name : Set.of("--port", "--service-ms", "--first-token-ms")) {
            number(options, name, 0);
        }
        return options;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the option's name.
        }
        throw new IllegalArgumentException(name + " needs a whole number of at least 0, got \"" + value + "\"");
    }

    private static void configure(FakeBehavior behavior, Map<String, String> options) {
        behavior.answer(options.getOrDefault("--answer", DEFAULT_ANSWER));
        behavior.models(options.getOrDefault("--models", DEFAULT_MODELS).split(","));
        options.forEach((name, value) -> {
            switch (name) {
                case "--reasoning" -> behavior.reasoning(value);
                case "--service-ms" -> behavior.serviceTime(Duration.ofMillis(number(options, name, 0)));
                case "--first-token-ms" -> behavior.firstTokenDelay(Duration.ofMillis(number(options, name, 0)));
                case "--api-key" -> behavior.apiKey(value);
                default -> { }
            }
        });
    }
}
