package dev.gptoss.ls.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.fake.AnswerShape;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A small fixed sample of the fidelity benchmark (docs/benchmarks.md) in every variant: the tasks
 * that showed each failure of issue 19, and a few more shapes of code. Every variant must turn a
 * perfect model's answer into the task's own solution, except a dedented snippet at column 0,
 * which does not say where it goes; that one must still leave the file after the cursor alone.
 */
class FidelitySampleTest {
    private static final List<String> SINGLE_LINE = List.of(
            "HumanEval/1/L4",      // "    for c in paren_string:" at column 0 lost its indentation
            "HumanEval/80/L6",     // "return False" dropped: the same statement stands above
            "HumanEval/119/L11");  // after a helper function defined inside the function
    private static final List<String> MULTI_LINE = List.of(
            "HumanEval/0/L3_L5",   // continuation lines indented twice
            "HumanEval/0/L0_L1",   // a block after a statement was cut to its first line
            "HumanEval/59/L6_L7",  // a block going on after a dedent out of a helper function
            "HumanEval/105/L6_L11"); // lines inside brackets, then statements

    @Test
    void everyVariantTurnsAPerfectModelsAnswerIntoTheTasksOwnSolution() throws Exception {
        var json = new ObjectMapper();
        Map<InfillingTasks, List<InfillingTask>> tasks = new LinkedHashMap<>();
        tasks.put(InfillingTasks.SINGLE_LINE, named(InfillingTasks.SINGLE_LINE.all(json), "SingleLineInfilling/", SINGLE_LINE));
        tasks.put(InfillingTasks.MULTI_LINE, named(InfillingTasks.MULTI_LINE.all(json), "MultiLineInfilling/", MULTI_LINE));
        List<FidelityBenchmark.Row> rows;
        try (var python = PythonCheck.start(Duration.ofSeconds(10))) {
            rows = FidelityBenchmark.run(tasks, FidelityBenchmark.variants(), python, new PrintStream(OutputStream.nullOutputStream()));
        }
        assertTrue(rows.size() == 2 * FidelityBenchmark.variants().size(), "a row per variant and task set");
        String misses = rows.stream().filter(r -> r.variant().shape() != AnswerShape.DEDENTED)
                .flatMap(r -> r.misses().stream().map(m -> r.variant().name() + " " + m.task().id()
                        + FidelityBenchmark.difference(m)))
                .collect(Collectors.joining("\n"));
        assertTrue(misses.isEmpty(), "not the task's own solution:\n" + misses);
        String changedAfterCursor = rows.stream()
                .flatMap(r -> r.outcomes().stream().filter(o -> !o.keptTextAfterCursor())
                        .map(o -> r.variant().name() + " " + o.task().id()))
                .collect(Collectors.joining("\n"));
        assertTrue(changedAfterCursor.isEmpty(), "the text after the cursor changed:\n" + changedAfterCursor);
    }

    private static List<InfillingTask> named(List<InfillingTask> all, String set, List<String> ids) {
        return ids.stream().map(id -> all.stream().filter(t -> t.id().equals(set + id)).findFirst().orElseThrow()).toList();
    }
}
