package dev.gptoss.bench;

import com.google.gson.Gson;
import dev.gptoss.ls.fake.FakeModelBackend;
import dev.gptoss.ls.fake.Flavor;
import dev.gptoss.ls.fake.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The typing storm of issue 5: keys typed at a fixed pace into a real server over stdio, each a
 * change plus an inline completion request, the previous request cancelled as VS Code does.
 *
 * <pre>java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.StormMain --server server/target/gptoss-ls.jar
 *     [--keys 60] [--key-ms 40] [--service-ms 100] [--out docs/benchmarks.md]</pre>
 */
public final class StormMain {
    static final String SECTION = "Typing storm (issue 5)";
    private static final String SUGGESTION =
            "sum(item.price * item.quantity for item in order.items if item.available and not item.gift)";

    private StormMain() {
    }

    public static void main(String[] args) throws Exception {
        var options = BenchMain.parse(args);
        BenchMain.stopAfter(Duration.ofMinutes(5));
        Path jar = Path.of(options.getOrDefault("--server", "server/target/gptoss-ls.jar"));
        int keys = Integer.parseInt(options.getOrDefault("--keys", "60"));
        int keyMs = Integer.parseInt(options.getOrDefault("--key-ms", "40"));
        int serviceMs = Integer.parseInt(options.getOrDefault("--service-ms", "100"));
        Path workDir = Path.of(options.getOrDefault("--work-dir", "bench/target"));
        Files.createDirectories(workDir);
        var jvm = List.of(BenchMain.DEFAULT_JVM_OPTS.split(" "));

        var rows = new ArrayList<String>();
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer(SUGGESTION).serviceTime(Duration.ofMillis(serviceMs));
            StormRun.Result other = storm(backend, jar, jvm, workDir, keys, keyMs, "typing other text",
                    StormRun.Typing.OTHER_TEXT);
            rows.add(row("typing other text than suggested", other, serviceMs));
            backend.reset();
            backend.behavior().answer(SUGGESTION).serviceTime(Duration.ofMillis(serviceMs));
            StormRun.Result along = storm(backend, jar, jvm, workDir, Math.min(keys, SUGGESTION.length() - 1), keyMs,
                    "typing the suggestion", StormRun.Typing.THE_SUGGESTION);
            rows.add(row("typing exactly the suggestion", along, serviceMs));
        }
        String section = section(rows, keys, keyMs, serviceMs, String.join(" ", args));
        System.out.println(section);
        if (options.containsKey("--out")) {
            MarkdownSections.replace(Path.of(options.get("--out")), SECTION, section);
        }
        // LSP4J's reader threads are not daemons.
        System.exit(0);
    }

    private static StormRun.Result storm(FakeModelBackend backend, Path jar, List<String> jvm, Path workDir, int keys,
                                         int keyMs, String name, StormRun.Typing typing) throws Exception {
        Path stderr = workDir.resolve("storm-" + typing.name().toLowerCase(Locale.ROOT) + ".stderr.log");
        try (var process = LspProcess.start("gptoss-ls", jvm, List.of("-jar", jar.toString()), stderr)) {
            process.initialize(options(backend), workDir.toAbsolutePath(), Duration.ofSeconds(30));
            process.awaitStatus("ready", Duration.ofSeconds(20));
            var run = new StormRun(process.server(), workDir.resolve("storm.py").toAbsolutePath().toUri().toString());
            StormRun.Result result = run.type(keys, Duration.ofMillis(keyMs), typing, SUGGESTION);
            Thread.sleep(500);
            List<RecordedRequest> calls = backend.requests("/api/generate");
            long completed = calls.stream().filter(RecordedRequest::completed).count();
            System.err.printf("storm %s: %d model calls, %d ran to completion, last key to suggestion %.1f ms%n",
                    name, calls.size(), completed, result.lastKeyToSuggestionNanos() / 1e6);
            return result.withCalls(calls.size(), (int) completed);
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

    private static String row(String name, StormRun.Result r, int serviceMs) {
        double lastKeyMs = r.lastKeyToSuggestionNanos() / 1e6;
        int unused = Math.max(0, r.completedCalls() - (r.finalShown() ? 1 : 0));
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f ms | %.1f ms | %s | %s |", name, r.keys(),
                r.calls(), unused, lastKeyMs, lastKeyMs - serviceMs, r.finalShown() ? "yes" : "no",
                unused <= 1 && lastKeyMs <= serviceMs + 10 ? "met" : "not met");
    }

    private static String section(List<String> rows, int keys, int keyMs, int serviceMs, String args) {
        return "## " + SECTION + "\n\n"
                + "Command: `java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.StormMain " + args + "`\n\n"
                + keys + " keys at " + keyMs + " ms per key into a real server over stdio (" + BenchMain.DEFAULT_JVM_OPTS
                + "); each key is an incremental didChange plus an inline completion request, the previous request "
                + "cancelled with `$/cancelRequest` as VS Code does. The fake Ollama backend takes " + serviceMs
                + " ms per answer. Targets: model calls that ran to completion without being used ≤ 1; last key to "
                + "final suggestion ≤ service time + 10 ms.\n\n"
                + "| typing | keys | model calls | ran to completion unused | last key → suggestion | beyond service time "
                + "| final suggestion shown | verdict |\n|---|---:|---:|---:|---:|---:|---|---|\n"
                + String.join("\n", rows) + "\n";
    }
}
