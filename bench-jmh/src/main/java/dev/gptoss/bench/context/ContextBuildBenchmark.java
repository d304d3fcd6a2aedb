package dev.gptoss.bench.context;

import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.config.ContextSettings;
import dev.gptoss.ls.context.PromptContext;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.TextPosition;
import dev.gptoss.ls.workspace.WorkspaceContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Context building for a cursor in a 20,000-line Python file right after a one-character edit, as
 * while typing: the edit goes through the document store (re-parsing runs in the background, as
 * in the server) and the prompt context is built at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ContextBuildBenchmark {
    private static final String URI = "file:///bench/huge_service.py";
    private static final int LINES = 20_000;

    private DocumentStore documents;
    private WorkspaceContext context;
    private TextPosition cursor;
    private int version = 1;
    private boolean typed;

    @Setup(Level.Trial)
    public void setUp() {
        documents = new DocumentStore();
        context = new WorkspaceContext(documents, () -> ContextSettings.DEFAULT, InlineCompletions.fixedPromptText());
        documents.dispatchTo(context::documentChanged);
        documents.open(URI, "python", version, HugePython.text(LINES));
        context.syntax().awaitTree(URI, version, 60_000);
        cursor = new TextPosition(HugePython.bodyLineNear(LINES / 2), 8);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    @Benchmark
    public PromptContext buildAfterOneCharacterEdit() throws Exception {
        var end = typed ? new TextPosition(cursor.line(), cursor.character() + 1) : cursor;
        documents.change(URI, ++version, List.of(new DocumentStore.Change(cursor, end, typed ? "" : "x")));
        typed = !typed;
        var snapshot = documents.snapshot(URI);
        return context.build(snapshot, snapshot.offsetOf(new TextPosition(cursor.line(), cursor.character()
                + (typed ? 1 : 0))));
    }
}
