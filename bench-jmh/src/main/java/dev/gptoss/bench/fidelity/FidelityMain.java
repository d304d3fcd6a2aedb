package dev.gptoss.bench.fidelity;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.eval.FidelityBenchmark;
import dev.gptoss.ls.eval.InfillingTask;
import dev.gptoss.ls.eval.InfillingTasks;
import dev.gptoss.ls.eval.PythonCheck;
import dev.gptoss.ls.eval.TaskOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suggestion fidelity on HumanEval infilling (issue 19), every variant of {@link FidelityBenchmark}:
 * {@code FidelityMain [--single-every N] [--multi-every N] [--only ID,ID] [--variants PREFIX]} takes
 * every Nth task of each set (defaults 10 and 19: 104 and 307 tasks), or only the tasks named, in
 * every variant or those whose name starts with PREFIX ({@code ollama}, {@code openai raw}: two
 * processes share a busy machine's cores better than one). Prints the table for
 * docs/benchmarks.md on stdout; on stderr, progress and each task that did not come out as its own
 * solution, with the code wanted and got.
 */
public final class FidelityMain {
    private FidelityMain() {
    }

    public static void main(String[] args) throws Exception {
        int singleEvery = 10;
        int multiEvery = 19;
        List<String> only = List.of();
        String variantPrefix = "";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--single-every" -> singleEvery = Integer.parseInt(args[i + 1]);
                case "--multi-every" -> multiEvery = Integer.parseInt(args[i + 1]);
                case "--only" -> only = List.of(args[i + 1].split(","));
                case "--variants" -> variantPrefix = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var json = new ObjectMapper();
        Map<InfillingTasks, List<InfillingTask>> tasks = new LinkedHashMap<>();
        tasks.put(InfillingTasks.SINGLE_LINE, InfillingTasks.SINGLE_LINE.everyNth(json, singleEvery));
        tasks.put(InfillingTasks.MULTI_LINE, InfillingTasks.MULTI_LINE.everyNth(json, multiEvery));
        if (!only.isEmpty()) {
            List<String> ids = only;
            tasks.replaceAll((set, all) -> set.all(json).stream().filter(t -> ids.contains(t.id())).toList());
        }
        long start = System.nanoTime();
        try (var python = PythonCheck.start(Duration.ofSeconds(10))) {
            String prefix = variantPrefix;
            List<FidelityBenchmark.Variant> variants = FidelityBenchmark.variants().stream()
                    .filter(v -> v.name().startsWith(prefix)).toList();
            List<FidelityBenchmark.Row> rows = FidelityBenchmark.run(tasks, variants, python, System.err);
            for (FidelityBenchmark.Row row : rows) {
                for (TaskOutcome miss : row.misses()) {
                    System.err.println((miss.passed() ? "PASSED, NOT EXACT " : "FAILED ") + row.variant().name() + " "
                            + miss.task().id() + (miss.answered() ? "" : " (no suggestion)")
                            + FidelityBenchmark.difference(miss));
                }
            }
            System.out.println(FidelityBenchmark.table(rows));
            System.out.printf(Locale.ROOT, "%d single-line and %d multi-line tasks per variant, %d variants, %.0f s;"
                            + " tests in python3 with %s%n",
                    tasks.get(InfillingTasks.SINGLE_LINE).size(), tasks.get(InfillingTasks.MULTI_LINE).size(),
                    variants.size(), (System.nanoTime() - start) / 1e9, python.isolation());
        }
        System.exit(0);
    }
}
