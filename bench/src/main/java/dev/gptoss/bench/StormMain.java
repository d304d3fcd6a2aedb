package dev.gptoss.bench;

import com.google.gson.Gson;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
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
 * <pre>java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.StormMain --server server/target/gptoss-ls.jar
 *     [--keys 60] [--key-ms 40] [--service-ms 100] [--rounds 5] [--jvm-opts "..."] [--out docs/benchmarks.md]</pre>
 */
public final class StormMain {
    static final String SECTION = "Typing storm (issue 5)";
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
        Path jar = Path.of(options.getOrDefault("--server", "server/target/gptoss-ls.jar"));
        int keys = BenchMain.intOption(options, "--keys", 60);
        int keyMs = BenchMain.intOption(options, "--key-ms", 40);
        int serviceMs = BenchMain.intOption(options, "--service-ms", 100);
        int rounds = BenchMain.intOption(options, "--rounds", 5);
        Path workDir = Path.of(options.getOrDefault("--work-dir", "bench/target"));
        Files.createDirectories(workDir);
        var jvm = BenchMain.jvmOptions(options);
        String load = Machine.loadAverage();

        var rows = new ArrayList<String>();
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            var lastCall = new AtomicReference<long[]>();
            backend.onRequestFinished(request -> {
                if (request.path().equals("/api/generate") && request.completed()) {
                    Instant received = request.receivedAt();
                    lastCall.set(new long[] {received.getEpochSecond() * 1_000_000_000L + received.getNano(),
                        LatencyRun.epochNanos()});
                }
            });
            for (StormRun.Typing typing : StormRun.Typing.values()) {
                int typed = typing == StormRun.Typing.THE_SUGGESTION ? Math.min(keys, SUGGESTION.length() - 1) : keys;
                var results = new ArrayList<Round>();
                for (int round = 0; round < rounds; round++) {
                    backend.reset();
                    backend.behavior().answer(SUGGESTION).serviceTime(Duration.ofMillis(serviceMs));
                    lastCall.set(null);
                    results.add(storm(backend, lastCall, jar, jvm, workDir, typed, keyMs, typing, round + 1));
                }
                rows.add(row(typing == StormRun.Typing.THE_SUGGESTION ? "typing exactly the suggestion"
                        : "typing other text than suggested", typed, results, serviceMs));
            }
        }
        String section = section(rows, keys, keyMs, serviceMs, rounds, load, String.join(" ", args), String.join(" ", jvm));
        System.out.println(section);
        if (options.containsKey("--out")) {
            MarkdownSections.replace(Path.of(options.get("--out")), SECTION, section);
        }
        // LSP4J's reader threads are not daemons.
        System.exit(0);
    }

    private static Round storm(FakeModelBackend backend, AtomicReference<long[]> lastCall, Path jar, List<String> jvm,
                               Path workDir, int keys, int keyMs, StormRun.Typing typing, int round) throws Exception {
        Path stderr = workDir.resolve("storm-" + typing.name().toLowerCase(Locale.ROOT) + "-" + round + ".stderr.log");
        try (var process = LspProcess.start("gptoss-ls", jvm, List.of("-jar", jar.toString()), stderr)) {
            process.initialize(options(backend), workDir.toAbsolutePath(), Duration.ofSeconds(30));
            process.awaitStatus("ready", Duration.ofSeconds(20));
            var run = new StormRun(process.server(), workDir.resolve("storm.py").toAbsolutePath().toUri().toString());
            StormRun.Result result = run.type(keys, Duration.ofMillis(keyMs), typing, SUGGESTION);
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

    private static String row(String name, int keys, List<Round> rounds, int serviceMs) {
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
                split, allShown ? "yes" : "no", unused <= 1 && allShown && median <= serviceMs + 10 ? "met" : "not met");
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String section(List<String> rows, int keys, int keyMs, int serviceMs, int rounds, String load,
                                  String args, String jvmOpts) {
        return "## " + SECTION + "\n\n"
                + "Command: `java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.StormMain " + args + "`\n\n"
                + keys + " keys at " + keyMs + " ms per key into a real server over stdio (" + jvmOpts
                + "); each key is an incremental didChange plus an inline completion request, the previous request "
                + "cancelled with `$/cancelRequest` as VS Code does. The fake Ollama backend takes " + serviceMs
                + " ms per answer. Each kind of typing runs " + rounds + " times, each time with a fresh server; "
                + "the table gives the median of the rounds, the range in brackets, and the largest count of unused "
                + "calls. Load average before: " + load + ". Targets: model calls that ran to completion without "
                + "being used ≤ 1; last key to final suggestion ≤ service time + 10 ms (judged on the median).\n\n"
                + "| typing | keys | model calls | ran to completion unused | last key → suggestion "
                + "| beyond service time (range) | last key → model request / model's last byte → editor "
                + "| final suggestion shown | verdict |\n|---|---:|---:|---:|---:|---:|---|---|---|\n"
                + String.join("\n", rows) + "\n";
    }
}
