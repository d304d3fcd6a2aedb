package dev.gptoss.bench.actions;

import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.ls.protocol.LspSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
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
 * {@code textDocument/codeAction} through real JSON-RPC (LSP4J over pipes, one JVM) on the
 * 5,000-line file, against a floor: the same request on a plain-text document, which no pattern
 * applies to, so it measures the protocol round trip and the executor hop alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class CodeActionProtocolBenchmark {
    private FakeModelBackend backend;
    private LspSession session;
    private CodeActionParams onFinding;
    private CodeActionParams floor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "chat"));
        String text = LongFile.python();
        session.open("file:///bench/long.py", "python", text);
        session.open("file:///bench/long.txt", "plaintext", text);
        int line = LongFile.exceptLine(text);
        var cursor = new Range(new Position(line, 8), new Position(line, 8));
        onFinding = new CodeActionParams(new TextDocumentIdentifier("file:///bench/long.py"), cursor,
                new CodeActionContext(List.of()));
        floor = new CodeActionParams(new TextDocumentIdentifier("file:///bench/long.txt"), cursor,
                new CodeActionContext(List.of(), List.of("quickfix")));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        backend.close();
    }

    @Benchmark
    public List<Either<Command, CodeAction>> codeActionOnAFinding() throws Exception {
        return session.server.getTextDocumentService().codeAction(onFinding).get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public List<Either<Command, CodeAction>> floorNoPatterns() throws Exception {
        return session.server.getTextDocumentService().codeAction(floor).get(10, TimeUnit.SECONDS);
    }
}
