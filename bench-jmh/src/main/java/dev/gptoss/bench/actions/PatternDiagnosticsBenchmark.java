package dev.gptoss.bench.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.actions.Finding;
import dev.gptoss.ls.actions.LukhasPatterns;
import dev.gptoss.ls.actions.PatternCatalog;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.TextPosition;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pattern diagnostics for the 5,000-line Python file after a one-character edit, as the server
 * computes them: the edit goes through the document store, the syntax thread re-parses it
 * incrementally (before the measured part, as it does in the server while the diagnostics wait
 * their 150 ms), and the measured part reads the new tree into Java nodes, reusing the previous
 * version's outside the damaged path, and runs the built-in rules on the statements the edit
 * touched.
 *
 * <p>{@code edit}: {@code identifier} types into a name in a method (the file stays valid);
 * {@code breaks-syntax} types before a {@code try:}, which splits the class around it until the
 * next keystroke, so every statement is scanned again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class PatternDiagnosticsBenchmark {
    private static final String URI = "file:///bench/long.py";

    private DocumentStore documents;
    private SyntaxTrees trees;
    private PatternCatalog catalog;
    private TextPosition cursor;
    private int version = 1;
    private boolean typed;
    private DocumentSnapshot edited;

    @Param({"identifier", "breaks-syntax"})
    public String edit;

    @Setup(Level.Trial)
    public void setUp() {
        documents = new DocumentStore();
        trees = new SyntaxTrees(new Grammars());
        documents.dispatchTo(trees::accept);
        catalog = new LukhasPatterns(ObjectMapper::new, trees).current();
        String text = LongFile.python();
        documents.open(URI, "python", version, text);
        int line = LongFile.exceptLine(text);
        cursor = edit.equals("identifier") ? LongFile.insideName(text, line, "latency_ms") : new TextPosition(line - 2, 8);
        List<Finding> first = catalog.findings(documents.find(URI).orElseThrow());
        if (first.isEmpty()) {
            throw new IllegalStateException("the long file should have findings");
        }
    }

    /** Types or deletes one character, and lets the syntax thread parse it: not measured. */
    @Setup(Level.Invocation)
    public void typeOneCharacter() {
        var end = typed ? new TextPosition(cursor.line(), cursor.character() + 1) : cursor;
        documents.change(URI, ++version, List.of(new DocumentStore.Change(cursor, end, typed ? "" : "x")));
        typed = !typed;
        edited = documents.find(URI).orElseThrow();
        trees.awaitTree(URI, version, 60_000);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trees.close();
    }

    @Benchmark
    public List<Finding> diagnosticsAfterOneCharacterEdit() {
        return catalog.findings(edited);
    }
}
