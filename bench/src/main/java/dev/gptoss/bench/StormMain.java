package dev.gptoss.bench;

import com.google.gson.Gson;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
import dev.gptoss.sim.ModelSimulator;
import dev.gptoss.sim.Profile;
import dev.gptoss.sim.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The typing storm of issue 5: keys typed at a fixed pace into a real server over stdio, each a
 * change plus an inline completion request, the previous request cancelled as VS Code does. Each
 * kind of typing is repeated in several rounds, each with a fresh server, since one storm gives
 * one sample of the time that matters (last key to final suggestion).
 *
 * <p>With {@code --first-token-ms} the model server is the simulator with a fixed profile instead of
 * the fake: it streams its answer (first token after that long, then one token every
 * {@code --token-ms}), serves {@code --slots} requests at once and queues the rest, and a cut
 * stream frees its slot. Each round then has a fresh simulator as well as a fresh server.
 *
 * <pre>java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.StormMain
 *     (--server server/target/gptoss-ls.jar | --launcher dist/target/gptoss-ls/bin/gptoss-ls)
 *     [--keys 60] [--key-ms 40] [--service-ms 100 | --first-token-ms 120 --token-ms 5 --tokens 16 --slots 1]
 *     [--rounds 5] [--jvm-opts "..."] [--out docs/benchmarks.md]</pre>
 */
public final class StormMain {
    static final String SECTION = "Typing storm (issue 5)";
    static final String STREAMING_SECTION = "Typing storm against a streaming model server, one slot (issue 15)";
    private static final String SUGGESTION =
            "sum(item.price * item.quantity for item in order.items if item.available and not item.gift)";

    private StormMain() {
    }

    /** What one round measured: the storm, the model calls it made, and the last call's times at the fake. */
    private record Round(StormRun.Result storm, int calls, int completedCalls, long[] lastCall) {
        double lastKeyMs() {
            return storm.lastKeyToSuggestionNanos() / 1e6;
        }

        int unused() {
            return Math.max(0, completedCalls - (storm.finalShown() ? 1 : 0));
        }

        /** From the last key to the last model request reaching the fake; null when it is unknown. */
        Double beforeMs() {
            return lastCall == null ? null : (lastCall[0] - storm.lastKeyEpochNanos()) / 1e6;
        }

        Double afterMs() {
            return lastCall == null ? null : (storm.suggestionEpochNanos() - lastCall[1]) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        var options = BenchMain.parse(args);
        BenchMain.stopAfter(Duration.ofMinutes(10));
        var gptossLs = ServerCommand.from(options);
        int keys = BenchMain.intOption(options, "--keys", 60);
        int keyMs = BenchMain.intOption(options, "--key-ms", 40);
        int rounds = BenchMain.intOption(options, "--rounds", 5);
        Path workDir = Path.of(options.getOrDefault("--work-dir", "bench/target"));
        Files.createDirectories(workDir);
        String load = Machine.loadAverage();
        ModelServer server = options.containsKey("--first-token-ms")
                ? new Streaming(BenchMain.intOption(options, "--first-token-ms", 120),
                        BenchMain.intOption(options, "--token-ms", 5), BenchMain.intOption(options, "--tokens", 16),
                        BenchMain.intOption(options, "--slots", 1))
                : new Fake(BenchMain.intOption(options, "--service-ms", 100));

        var rows = new ArrayList<String>();
        try (server) {
            for (StormRun.Typing typing : StormRun.Typing.values()) {
                String answer = server.answer();
                int typed = typing == StormRun.Typing.THE_SUGGESTION ? Math.min(keys, answer.length() - 1) : keys;
                var results = new ArrayList<Round>();
                for (int round = 0; round < rounds; round++) {
                    FakeModelBackend backend = server.fresh();
                    var lastCall = new AtomicReference<long[]>();
                    backend.onRequestFinished(request -> {
                        if (request.path().equals("/api/generate") && request.completed()) {
                            Instant received = request.receivedAt();
                            lastCall.set(new long[] {received.getEpochSecond() * 1_000_000_000L + received.getNano(),
                                LatencyRun.epochNanos()});
                        }
                    });
                    results.add(storm(backend, lastCall, gptossLs, workDir, typed, keyMs, typing, round + 1, answer));
                }
                rows.add(row(typing == StormRun.Typing.THE_SUGGESTION ? "typing exactly the suggestion"
                        : "typing other text than suggested", typed, results, server.modelMs(), server.allowanceMs()));
            }
        }
        String section = section(server, rows, keys, keyMs, rounds, load, String.join(" ", args), gptossLs.describe());
        System.out.println(section);
        if (options.containsKey("--out")) {
            MarkdownSections.replace(Path.of(options.get("--out")), server.section(), section);
        }
        // LSP4J's reader threads are not daemons.
        System.exit(0);
    }

    /** The model server a storm types against. */
    private interface ModelServer extends AutoCloseable {
        /** A server for one round: no requests recorded, nothing cached, every slot free. */
        FakeModelBackend fresh();

        String answer();

        /** The model's own time for one answer, in ms. */
        double modelMs();

        /** How much beyond the model's own time the target allows. */
        double allowanceMs();

        String section();

        String describe();

        @Override
        void close();
    }

    /** The fake of issue 5: the whole answer at once after a fixed service time, any number of requests at once. */
    private static final class Fake implements ModelServer {
        private final FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA);
        private final int serviceMs;

        Fake(int serviceMs) {
            this.serviceMs = serviceMs;
        }

        @Override
        public FakeModelBackend fresh() {
            backend.reset();
            backend.behavior().answer(SUGGESTION).serviceTime(Duration.ofMillis(serviceMs));
            return backend;
        }

        @Override
        public String answer() {
            return SUGGESTION;
        }

        @Override
        public double modelMs() {
            return serviceMs;
        }

        @Override
        public double allowanceMs() {
            return 10;
        }

        @Override
        public String section() {
            return SECTION;
        }

        @Override
        public String describe() {
            return "The fake Ollama backend takes " + serviceMs + " ms per answer.";
        }

        @Override
        public void close() {
            backend.close();
        }
    }

    /** Issue 15's model server: streamed tokens, one slot, a queue, a cut stream frees its slot at once. */
    private static final class Streaming implements ModelServer {
        private final Profile profile;
        private final String answer;
        private final int tokens;
        private ModelSimulator current;

        Streaming(int firstTokenMs, int tokenMs, int tokens, int slots) {
            this.profile = Profile.fixed(firstTokenMs, tokenMs, slots);
            int[] ends = new Tokenizer().tokenEnds(SUGGESTION);
            this.tokens = Math.min(tokens, ends.length);
            this.answer = SUGGESTION.substring(0, ends[this.tokens - 1]);
        }

        @Override
        public FakeModelBackend fresh() {
            close();
            current = ModelSimulator.start(Flavor.OLLAMA, profile, null, 0);
            current.backend().behavior().answer(answer);
            return current.backend();
        }

        @Override
        public String answer() {
            return answer;
        }

        @Override
        public double modelMs() {
            return profile.fixedFirstTokenMs() + tokens * 1000 / profile.decodeTokensPerSecond(1);
        }

        @Override
        public double allowanceMs() {
            return 15;
        }

        @Override
        public String section() {
            return STREAMING_SECTION;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "The model server is the simulator (`%s`): it streams a %d-token answer, "
                    + "the first token %.0f ms after a request starts and then one every %.0f ms (%.0f ms in all with "
                    + "the stop token), serves %d request(s) at once and queues the rest; a cut stream frees its "
                    + "slot at once.", profile.name(), tokens, profile.fixedFirstTokenMs(),
                    1000 / profile.decodeTokensPerSecond(1), modelMs(), profile.slots());
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    private static Round storm(FakeModelBackend backend, AtomicReference<long[]> lastCall, ServerCommand gptossLs,
                               Path workDir, int keys, int keyMs, StormRun.Typing typing, int round, String answer)
            throws Exception {
        Path stderr = workDir.resolve("storm-" + typing.name().toLowerCase(Locale.ROOT) + "-" + round + ".stderr.log");
        try (var process = LspProcess.start(gptossLs, stderr)) {
            process.initialize(options(backend), workDir.toAbsolutePath(), Duration.ofSeconds(30));
            process.awaitStatus("ready", Duration.ofSeconds(20));
            var run = new StormRun(process.server(), workDir.resolve("storm.py").toAbsolutePath().toUri().toString());
            StormRun.Result result = run.type(keys, Duration.ofMillis(keyMs), typing, answer);
            Thread.sleep(500);
            List<RecordedRequest> calls = backend.requests("/api/generate");
            int completed = (int) calls.stream().filter(RecordedRequest::completed).count();
            var measured = new Round(result, calls.size(), completed, lastCall.get());
            System.err.printf(Locale.ROOT, "storm %s, round %d: %d model calls, %d ran to completion, last key to "
                    + "suggestion %.1f ms%n", typing, round, calls.size(), completed, measured.lastKeyMs());
            return measured;
        }
    }

    private static Object options(FakeModelBackend backend) {
        var endpoint = Map.of("name", "fake", "url", backend.url().toString(), "api", "ollama", "promptMode", "raw");
        var instance = Map.of("endpoint", "fake", "model", "gpt-oss:20b");
        var gptoss = Map.of("endpoints", List.of(endpoint),
                "tiers", Map.of("fast", List.of(instance), "strong", List.of(instance)),
                "completion", Map.of("timeoutMs", 5000, "maxTokens", 64),
                "health", Map.of("intervalMs", 60000));
        return new Gson().toJsonTree(Map.of("gptoss", gptoss));
    }

    private static String row(String name, int keys, List<Round> rounds, double serviceMs, double allowanceMs) {
        double[] lastKey = rounds.stream().mapToDouble(Round::lastKeyMs).sorted().toArray();
        double median = Percentiles.median(lastKey);
        int maxCalls = rounds.stream().mapToInt(Round::calls).max().orElse(0);
        int minCalls = rounds.stream().mapToInt(Round::calls).min().orElse(0);
        int unused = rounds.stream().mapToInt(Round::unused).max().orElse(0);
        boolean allShown = rounds.stream().allMatch(r -> r.storm().finalShown());
        boolean typedAlong = name.startsWith("typing exactly");
        String split = typedAlong ? "no model wait" : String.format(Locale.ROOT, "%s / %s",
                ms(Percentiles.median(rounds.stream().map(Round::beforeMs).filter(v -> v != null).mapToDouble(v -> v).sorted()
                        .toArray())),
                ms(Percentiles.median(rounds.stream().map(Round::afterMs).filter(v -> v != null).mapToDouble(v -> v).sorted()
                        .toArray())));
        return String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %s (%s – %s) | %s | %s | %s |", name, keys,
                minCalls == maxCalls ? Integer.toString(minCalls) : minCalls + "–" + maxCalls, unused,
                ms(median), ms(median - serviceMs), ms(lastKey[0] - serviceMs), ms(lastKey[lastKey.length - 1] - serviceMs),
                split, allShown ? "yes" : "no", unused <= 1 && allShown && median <= serviceMs + allowanceMs ? "met" : "not met");
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String section(ModelServer server, List<String> rows, int keys, int keyMs, int rounds, String load,
                                  String args, String howRun) {
        return "## " + server.section() + "\n\n"
                + "Command: `java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.StormMain " + args + "`\n\n"
                + keys + " keys at " + keyMs + " ms per key into a real server over stdio (" + howRun
                + "); each key is an incremental didChange plus an inline completion request, the previous request "
                + "cancelled with `$/cancelRequest` as VS Code does. " + server.describe() + " Each kind of typing runs "
                + rounds + " times, each time with a fresh server; "
                + "the table gives the median of the rounds, the range in brackets, and the largest count of unused "
                + "calls. Load average before: " + load + ". Targets: model calls that ran to completion without "
                + "being used ≤ 1; last key to final suggestion ≤ the model's own time ("
                + String.format(Locale.ROOT, "%.0f", server.modelMs()) + " ms) + "
                + String.format(Locale.ROOT, "%.0f", server.allowanceMs()) + " ms (judged on the median).\n\n"
                + "| typing | keys | model calls | ran to completion unused | last key → suggestion "
                + "| beyond the model's time (range) | last key → model request / model's last byte → editor "
                + "| final suggestion shown | verdict |\n|---|---:|---:|---:|---:|---:|---|---|---|\n"
                + String.join("\n", rows) + "\n";
    }
}
