package dev.gptoss.ls.eval;

import dev.gptoss.fake.AnswerShape;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.InfillingGap;
import dev.gptoss.fake.InfillingOracle;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Suggestion fidelity (issue 19): HumanEval infilling through the server against a perfect model,
 * the fake backend answering each task's own solution through {@link InfillingOracle}, in every
 * shape real models answer in, over both APIs and both prompt modes, with the cursor after the
 * indentation and at column 0. Anything short of 100% is the server losing what the model meant.
 * The engine of the benchmark: its main is {@code dev.gptoss.bench.fidelity.FidelityMain} in
 * bench-jmh (command and table in docs/benchmarks.md); {@code FidelitySampleTest} runs a small fixed
 * sample of every variant.
 */
public final class FidelityBenchmark {
    static final String CURSOR_MARKER = "<CURSOR>";

    /** The two wire APIs, each served by the fake as the server it imitates. */
    public enum Api {
        OLLAMA(Flavor.OLLAMA, "ollama"), OPENAI(Flavor.VLLM, "openai");

        final Flavor flavor;
        final String id;

        Api(Flavor flavor, String id) {
            this.flavor = flavor;
            this.id = id;
        }
    }

    public record Variant(Api api, PromptMode mode, CursorPlacement cursor, AnswerShape shape) {
        public String name() {
            return api.id + " " + mode.id() + ", cursor " + cursor.id() + ", " + shape.id();
        }
    }

    /** One variant's result on one task set. */
    public record Row(Variant variant, InfillingTasks set, EvalSummary summary, List<TaskOutcome> outcomes) {
        /** The tasks that did not come out as their own solution. */
        public List<TaskOutcome> misses() {
            return outcomes.stream().filter(o -> !o.passed() || !o.exact()).toList();
        }
    }

    private FidelityBenchmark() {
    }

    /**
     * Every variant. At column 0 nothing is typed, so repeating the typed indentation is the bare
     * answer; after the typed indentation, a dedented snippet is the relative answer.
     */
    public static List<Variant> variants() {
        var variants = new ArrayList<Variant>();
        for (Api api : Api.values()) {
            for (PromptMode mode : List.of(PromptMode.RAW, PromptMode.CHAT)) {
                for (CursorPlacement cursor : CursorPlacement.values()) {
                    for (AnswerShape shape : AnswerShape.values()) {
                        boolean same = cursor == CursorPlacement.LINE_START
                                ? shape == AnswerShape.TYPED_INDENT_REPEATED : shape == AnswerShape.DEDENTED;
                        if (!same) {
                            variants.add(new Variant(api, mode, cursor, shape));
                        }
                    }
                }
            }
        }
        return variants;
    }

    /** Runs the variants on the task sets: one fake per API, one server per API and prompt mode. */
    public static List<Row> run(Map<InfillingTasks, List<InfillingTask>> tasks, List<Variant> variants, PythonCheck python,
                         PrintStream progress) throws InterruptedException {
        var gaps = new ArrayList<InfillingGap>();
        tasks.values().forEach(list -> list.forEach(t -> gaps.add(new InfillingGap(t.id(), t.prompt(), t.middle(), t.suffix()))));
        var rows = new ArrayList<Row>();
        ExecutorService testRunner = Executors.newFixedThreadPool(2);
        try {
            for (Api api : Api.values()) {
                try (var backend = FakeModelBackend.start(api.flavor)) {
                    for (PromptMode mode : List.of(PromptMode.RAW, PromptMode.CHAT)) {
                        List<Variant> these = variants.stream().filter(v -> v.api() == api && v.mode() == mode).toList();
                        if (these.isEmpty()) {
                            continue;
                        }
                        try (var server = EvalServer.start(environment(), settings(backend.url(), api, mode),
                                Duration.ofSeconds(30))) {
                            var eval = new InfillingEval(server, python, testRunner, Duration.ofSeconds(20));
                            for (Variant variant : these) {
                                backend.behavior().answer(new InfillingOracle(gaps, variant.shape(), CURSOR_MARKER, "python"));
                                for (var set : tasks.entrySet()) {
                                    var outcomes = eval.run(set.getValue(), variant.cursor(), InfillingEval.uris(
                                            "file:///fidelity/", "_" + variant.cursor().id() + "_" + variant.shape().id()),
                                            done -> { });
                                    var summary = EvalSummary.of(outcomes);
                                    rows.add(new Row(variant, set.getKey(), summary, outcomes));
                                    progress.printf(Locale.ROOT, "%-50s %-12s %d/%d passed%n", variant.name(),
                                            set.getKey().id(), summary.passed(), summary.tasks());
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            testRunner.shutdownNow();
        }
        return rows;
    }

    /** No keys, and a user configuration file of its own that does not exist: nothing of the machine's. */
    static ServerParts.Environment environment() {
        try {
            Path home = Files.createTempDirectory("gptoss-fidelity");
            return new ServerParts.Environment(new ApiKeys(Map.of()), home.resolve("config.json"),
                    home.resolve("cache"), MetricsRecorder.systemClock());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One endpoint on the fake, held to {@code mode}, with room for the longest canonical solutions. */
    static String settings(URI url, Api api, PromptMode mode) {
        return """
                {"endpoints": [{"name": "fake", "url": "%s", "api": "%s", "promptMode": "%s"}],
                 "tiers": {"fast": [{"endpoint": "fake", "model": "gpt-oss:20b"}],
                           "strong": [{"endpoint": "fake", "model": "gpt-oss:20b"}]},
                 "completion": {"maxTokens": 512, "timeoutMs": 10000}}""".formatted(url, api.id, mode.id());
    }

    /** The table for docs/benchmarks.md: one line per variant, single- and multi-line side by side. */
    public static String table(List<Row> rows) {
        var byVariant = new LinkedHashMap<Variant, Map<InfillingTasks, EvalSummary>>();
        rows.forEach(r -> byVariant.computeIfAbsent(r.variant(), v -> new LinkedHashMap<>()).put(r.set(), r.summary()));
        var out = new StringBuilder("| API | prompt mode | cursor | answer shape | single-line passed | multi-line passed | exact match (single / multi) |\n"
                + "|---|---|---|---|---:|---:|---:|\n");
        byVariant.forEach((variant, sets) -> out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s / %s |%n",
                variant.api().id, variant.mode().id(), variant.cursor().id(), variant.shape().id(),
                passed(sets.get(InfillingTasks.SINGLE_LINE)), passed(sets.get(InfillingTasks.MULTI_LINE)),
                exact(sets.get(InfillingTasks.SINGLE_LINE)), exact(sets.get(InfillingTasks.MULTI_LINE)))));
        return out.toString();
    }

    private static String passed(EvalSummary s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%d / %d (%.1f%%)", s.passed(), s.tasks(), 100 * s.passRate());
    }

    private static String exact(EvalSummary s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * s.exactRate());
    }

    /** Where the accepted file departs from the task's own solution: the differing middles, quoted. */
    public static String difference(TaskOutcome outcome) {
        String got = outcome.accepted();
        String want = outcome.task().solvedFile();
        int start = 0;
        while (start < got.length() && start < want.length() && got.charAt(start) == want.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < got.length() - start && end < want.length() - start
                && got.charAt(got.length() - 1 - end) == want.charAt(want.length() - 1 - end)) {
            end++;
        }
        int from = got.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        int wantEnd = lineEnd(want, want.length() - end);
        int gotEnd = lineEnd(got, got.length() - end);
        return "\n  wanted: " + quote(want.substring(from, Math.max(from, wantEnd)))
                + "\n  got:    " + quote(got.substring(from, Math.max(from, gotEnd)));
    }

    private static int lineEnd(String text, int at) {
        int newline = text.indexOf('\n', at);
        return newline < 0 ? text.length() : newline;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
