package dev.gptoss.bench.actions;

import dev.gptoss.ls.actions.ActionOffer;
import dev.gptoss.ls.actions.ActionRequest;
import dev.gptoss.ls.actions.CodeActions;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.actions.LukhasPatterns;
import dev.gptoss.ls.actions.Span;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listing code actions in-process on a 5,000-line Python file open in the server (its syntax tree
 * kept): the cursor on a line with a finding, and the whole file selected.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class CodeActionListBenchmark {
    private CodeActions actions;
    private SyntaxTrees trees;
    private ActionRequest atCursor;
    private ActionRequest wholeFile;

    @Setup
    public void setUp() {
        var documents = new DocumentStore();
        trees = new SyntaxTrees(new Grammars());
        documents.dispatchTo(trees::accept);
        var catalog = new LukhasPatterns(ObjectMapper::new, trees).current();
        actions = CodeActions.standard(() -> catalog);
        String text = LongFile.python();
        documents.open("file:///bench/long.py", "python", 1, text);
        DocumentSnapshot document = documents.find("file:///bench/long.py").orElseThrow();
        trees.awaitTree("file:///bench/long.py", 1, 60_000);
        int line = LongFile.exceptLine(text);
        atCursor = new ActionRequest(document, Span.of(line, 8, line, 8), List.of(), List.of());
        wholeFile = new ActionRequest(document, Span.of(0, 0, document.lineCount() - 1, 0), List.of(), List.of());
    }

    @TearDown
    public void tearDown() {
        trees.close();
    }

    @Benchmark
    public List<ActionOffer> cursorOnAFinding() {
        return actions.list(atCursor, () -> { });
    }

    @Benchmark
    public List<ActionOffer> wholeFileSelected() {
        return actions.list(wholeFile, () -> { });
    }
}
