package dev.gptoss.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * AI fixes on the LUKHAS Python fixtures, with an oracle model: for every fix the server offers
 * there ("Fix with GPT-OSS" for each LUKHAS finding that has a known right fix, "Add docstring" for
 * each function), the fake model answers the right code in each of the shapes of
 * {@link AnswerShapes}. The server jar runs as an editor runs it; each edit it offers is applied to
 * the file as the editor would and compared with the expected file, and every offered result is
 * parsed with {@code python3 -c ast.parse}.
 *
 * <pre>java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.ModelFixMain --server server/target/gptoss-ls.jar
 *     [--work-dir bench/target] [--out docs/benchmarks.md] [--jvm-opts "..."]</pre>
 * Run from the repository's root: the fixtures are read from {@code test-workspace/lukhas/python}.
 */
public final class ModelFixMain {
    static final String SECTION = "AI fixes: answer shapes (issue 21)";
    private static final Path FIXTURES = Path.of("test-workspace", "lukhas", "python");
    private static final Pattern DEF = Pattern.compile("^([ \\t]*)(?:async[ \\t]+)?def[ \\t]+(\\w+)");
    private static final Pattern LINES = Pattern.compile("lines (\\d+)-(\\d+):\\n");
    private static final Duration REQUEST = Duration.ofSeconds(30);

    /** One fix: a file, the action to choose, and the file as the fix should leave it. */
    private record Fix(String file, String text, String expected, String label, Diagnostic diagnostic, int line) {
    }

    /** What one answer shape did to one fix. */
    private record Result(AnswerShapes.Shape shape, Fix fix, String offered, boolean inRegion) {
    }

    private ModelFixMain() {
    }

    public static void main(String[] args) throws Exception {
        var options = BenchMain.parse(args);
        BenchMain.stopAfter(Duration.ofMinutes(20));
        Path jar = Path.of(options.getOrDefault("--server", "server/target/gptoss-ls.jar"));
        Path workDir = Path.of(options.getOrDefault("--work-dir", "bench/target")).toAbsolutePath();
        Path offeredDir = workDir.resolve("ai-fixes");
        Files.createDirectories(offeredDir);
        String load = Machine.loadAverage();
        var oracle = new Oracle();
        var results = new ArrayList<Result>();
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer(oracle::answer);
            Path stderr = workDir.resolve("ai-fixes.stderr.log");
            try (var process = LspProcess.start("gptoss-ls", BenchMain.jvmOptions(options),
                    List.of("-jar", jar.toString()), stderr)) {
                process.initialize(options(backend), workDir, Duration.ofSeconds(30));
                TextDocumentService documents = process.server().getTextDocumentService();
                List<Fix> fixes = fixes(documents, workDir);
                var opened = new HashSet<String>();
                for (int s = 0; s < AnswerShapes.ALL.size(); s++) {
                    AnswerShapes.Shape shape = AnswerShapes.ALL.get(s);
                    for (Fix fix : fixes) {
                        // A file per shape: the same question about another file is not answered from a cache.
                        String uri = workDir.resolve("shape-" + s).resolve(fix.file()).toUri().toString();
                        if (opened.add(uri)) {
                            open(documents, uri, fix.text());
                        }
                        oracle.ask(fix, shape);
                        CodeAction resolved = documents.resolveCodeAction(action(documents, uri, fix))
                                .get(REQUEST.toMillis(), TimeUnit.MILLISECONDS);
                        String offered = resolved.getEdit() == null ? null : applied(fix.text(), resolved.getEdit(), uri);
                        results.add(new Result(shape, fix, offered, oracle.inRegion));
                    }
                }
            }
        }
        Map<Result, String> unparsable = pythonParse(results, offeredDir);
        results.stream().filter(r -> r.offered() != null && !r.offered().equals(r.fix().expected()))
                .forEach(r -> System.err.println("offered other code: " + r.shape().name() + ", " + r.fix().label()
                        + " in " + r.fix().file() + ":\n" + difference(r.fix().expected(), r.offered())));
        String section = section(results, unparsable, load);
        System.out.println(section);
        if (options.containsKey("--out")) {
            MarkdownSections.replace(Path.of(options.get("--out")), SECTION, section);
        }
    }

    /**
     * The fixes with a known right answer: each LUKHAS finding whose deterministic quick fix gives
     * the expected file (asked for as "Fix with GPT-OSS" on that diagnostic), and a docstring for
     * each function.
     */
    private static List<Fix> fixes(TextDocumentService documents, Path workDir) throws Exception {
        var fixes = new ArrayList<Fix>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(FIXTURES)) {
            files = listed.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        for (Path path : files) {
            String file = path.getFileName().toString();
            String text = Files.readString(path);
            String uri = workDir.resolve("fixtures").resolve(file).toUri().toString();
            open(documents, uri, text);
            var context = new CodeActionContext(List.of());
            context.setOnly(List.of("quickfix"));
            var whole = new Range(new Position(0, 0), new Position(text.split("\n", -1).length, 0));
            for (Either<org.eclipse.lsp4j.Command, CodeAction> either : documents.codeAction(
                    new CodeActionParams(new TextDocumentIdentifier(uri), whole, context)).get(30, TimeUnit.SECONDS)) {
                CodeAction quickFix = either.getRight();
                if (quickFix.getEdit() != null && quickFix.getDiagnostics() != null && !quickFix.getDiagnostics().isEmpty()) {
                    Diagnostic diagnostic = quickFix.getDiagnostics().get(0);
                    fixes.add(new Fix(file, text, applied(text, quickFix.getEdit(), uri),
                            diagnostic.getCode().getLeft(), diagnostic, -1));
                }
            }
            List<String> lines = text.lines().toList();
            for (int line = 0; line < lines.size(); line++) {
                Matcher def = DEF.matcher(lines.get(line));
                if (def.find()) {
                    fixes.add(new Fix(file, text, withDocstring(lines, line, def.group(2)), "docstring", null, line));
                }
            }
        }
        return fixes;
    }

    /** The function at {@code defLine} with a one-line docstring as its first statement. */
    private static String withDocstring(List<String> lines, int defLine, String name) {
        int header = defLine;
        while (header < lines.size() - 1 && !lines.get(header).replaceAll("#.*", "").stripTrailing().endsWith(":")) {
            header++;
        }
        int body = header + 1;
        while (body < lines.size() && lines.get(body).isBlank()) {
            body++;
        }
        String indent = lines.get(body).substring(0, AnswerShapes.indentation(lines.get(body)));
        var out = new ArrayList<>(lines);
        out.add(header + 1, indent + "\"\"\"" + Character.toUpperCase(name.replace('_', ' ').strip().charAt(0))
                + name.replace('_', ' ').strip().substring(1) + ": what it does, with what, and what it returns.\"\"\"");
        return String.join("\n", out) + "\n";
    }

    private static CodeAction action(TextDocumentService documents, String uri, Fix fix) throws Exception {
        boolean docstring = fix.diagnostic() == null;
        Range range = docstring ? new Range(new Position(fix.line(), 0), new Position(fix.line(), 0))
                : fix.diagnostic().getRange();
        var context = new CodeActionContext(docstring ? List.of() : List.of(fix.diagnostic()));
        context.setOnly(List.of(docstring ? "refactor" : "quickfix"));
        String title = docstring ? "Add docstring with GPT-OSS" : "Fix with GPT-OSS: ";
        return documents.codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, context))
                .get(30, TimeUnit.SECONDS).stream().map(Either::getRight)
                .filter(a -> a.getTitle().startsWith(title)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no \"" + title + "\" action for " + fix.label()
                        + " in " + fix.file()));
    }

    private static void open(TextDocumentService documents, String uri, String text) {
        documents.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "python", 1, text)));
    }

    /** The oracle: answers the question the server asks with the fix it is told, in the shape it is told. */
    private static final class Oracle {
        private volatile Fix fix;
        private volatile AnswerShapes.Shape shape;
        private volatile boolean inRegion;

        void ask(Fix next, AnswerShapes.Shape nextShape) {
            fix = next;
            shape = nextShape;
            inRegion = false;
        }

        String answer(JsonNode body) {
            String prompt = body.path("messages").get(1).path("content").asText();
            Matcher lines = LINES.matcher(prompt);
            if (!lines.find()) {
                return "I cannot see the code.";
            }
            List<String> before = fix.text().lines().toList();
            List<String> after = fix.expected().lines().toList();
            int first = Integer.parseInt(lines.group(1)) - 1;
            int last = Integer.parseInt(lines.group(2)) - 1;
            int lastAfter = last + after.size() - before.size();
            inRegion = before.subList(0, first).equals(after.subList(0, first))
                    && before.subList(last + 1, before.size()).equals(after.subList(lastAfter + 1, after.size()));
            var meant = new AnswerShapes.Meant(String.join("\n", before.subList(first, last + 1)),
                    String.join("\n", after.subList(first, lastAfter + 1)), fix.expected(), before.subList(0, first));
            return shape.answer().apply(meant);
        }
    }

    /** The text after a workspace edit of {@code uri} (a {@code changes} map, as this client asks for). */
    private static String applied(String text, WorkspaceEdit edit, String uri) {
        var edits = new ArrayList<>(edit.getChanges().get(uri));
        edits.sort(Comparator.comparing((TextEdit e) -> offset(text, e.getRange().getStart())).reversed());
        String result = text;
        for (TextEdit e : edits) {
            result = result.substring(0, offset(result, e.getRange().getStart())) + e.getNewText()
                    + result.substring(offset(result, e.getRange().getEnd()));
        }
        return result;
    }

    private static int offset(String text, Position position) {
        int offset = 0;
        for (int line = 0; line < position.getLine(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + position.getCharacter();
    }

    /** Each offered file that {@code python3 -c ast.parse} rejects, with Python's message. */
    private static Map<Result, String> pythonParse(List<Result> results, Path dir) throws IOException, InterruptedException {
        var files = new LinkedHashMap<String, Result>();
        for (Result result : results) {
            if (result.offered() != null) {
                Path file = dir.resolve("offered-" + files.size() + ".py");
                Files.writeString(file, result.offered());
                files.put(file.toString(), result);
            }
        }
        var command = new ArrayList<>(List.of("python3", "-c", """
                import ast, sys
                for name in sys.argv[1:]:
                    try:
                        ast.parse(open(name, encoding="utf-8").read(), name)
                    except SyntaxError as e:
                        print(name + "\\t" + str(e.msg) + " (line " + str(e.lineno) + ")")
                """));
        command.addAll(files.keySet());
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (python.waitFor() != 0) {
            throw new IllegalStateException("python3 failed: " + output);
        }
        var rejected = new LinkedHashMap<Result, String>();
        output.lines().filter(l -> l.contains("\t")).forEach(l ->
                rejected.put(files.get(l.substring(0, l.indexOf('\t'))), l.substring(l.indexOf('\t') + 1)));
        return rejected;
    }

    private static String section(List<Result> results, Map<Result, String> unparsable, String load) {
        var out = new StringBuilder("## " + SECTION + "\n\n");
        long fixCount = results.stream().map(Result::fix).distinct().count();
        long docstrings = results.stream().map(Result::fix).distinct().filter(f -> f.diagnostic() == null).count();
        out.append("An oracle model answers every AI fix on the LUKHAS Python fixtures (`test-workspace/lukhas/python`:"
                + " \"Fix with GPT-OSS\" on each LUKHAS finding whose quick fix gives the expected file, and \"Add"
                + " docstring\" on each function: ").append(fixCount - docstrings).append(" findings and ").append(docstrings)
                .append(" functions) in each shape a model's answer comes"
                + " in; the server jar runs as an editor runs it, and what it offers is applied and compared with the"
                + " expected file. Every offered file is parsed with `python3 -c ast.parse`. Fixes whose expected change"
                + " lies outside the region the server asks about are left out of the counts.\n\n");
        out.append("```sh\nmvn -B -ntp -q package -DskipTests\njava -cp bench/target/gptoss-bench.jar"
                + " dev.gptoss.bench.ModelFixMain --server server/target/gptoss-ls.jar --out docs/benchmarks.md\n```\n\n");
        out.append("Measured ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(", load average ").append(load).append(".\n\n");
        out.append("| answer shape | fixes | landed as expected | offered, other code | declined"
                + " | offered that do not parse |\n|---|---|---|---|---|---|\n");
        int[] good = new int[2];
        int[] all = new int[2];
        for (AnswerShapes.Shape shape : AnswerShapes.ALL) {
            List<Result> rows = results.stream().filter(r -> r.shape() == shape && r.inRegion()).toList();
            long landed = rows.stream().filter(r -> r.fix().expected().equals(r.offered())).count();
            long offered = rows.stream().filter(r -> r.offered() != null).count();
            long broken = rows.stream().filter(unparsable::containsKey).count();
            out.append("| ").append(shape.name()).append(" | ").append(rows.size()).append(" | ")
                    .append(landed).append(" | ").append(offered - landed).append(" | ")
                    .append(rows.size() - offered).append(" | ").append(broken).append(" |\n");
            if (shape.wellFormed()) {
                good[0] += rows.size();
                good[1] += (int) landed;
            }
            all[0] += (int) offered;
            all[1] += (int) broken;
        }
        out.append(String.format("%nWell-formed answers that land as the expected code: **%d of %d (%.1f %%)**"
                + " (target ≥ 99 %%). Offered edits: %d, of which do not parse: **%d** (target 0).%n",
                good[1], good[0], 100.0 * good[1] / Math.max(1, good[0]), all[0], all[1]));
        out.append("\n- A broken shape that lands is one whose breakage found nothing to break in that fix (no"
                + " line deep enough to under-indent, say), so the answer was the right code after all.");
        out.append("\n- \"Offered, other code\" under a broken shape is an answer that parses but means other code"
                + " (a line moved a level deeper where a block has just ended is still Python): no syntax check can"
                + " see that, which is why the edit is marked for confirmation and VS Code previews it first.\n"
                + "- This measures how answers become edits, not a model: the oracle's code is right by construction,"
                + " and a real model's answers differ in more ways than these shapes (renamed variables, partial"
                + " rewrites).\n");
        Set<String> shown = new HashSet<>();
        results.stream().filter(r -> r.inRegion() && r.shape().wellFormed() && !r.fix().expected().equals(r.offered()))
                .filter(r -> shown.add(r.shape().name())).limit(10)
                .forEach(r -> out.append("\n- not landed: ").append(r.shape().name()).append(", ").append(r.fix().label())
                        .append(" in ").append(r.fix().file()).append(r.offered() == null ? " (declined)" : " (other code)"));
        unparsable.forEach((r, why) -> out.append("\n- offered but does not parse: ").append(r.shape().name())
                .append(", ").append(r.fix().label()).append(" in ").append(r.fix().file()).append(": ").append(why));
        long skipped = results.stream().filter(r -> !r.inRegion()).map(Result::fix).distinct().count();
        if (skipped > 0) {
            out.append("\n\n").append(skipped).append(" fixes changed code outside the region the server asked about"
                    + " and were left out.");
        }
        return out.append("\n").toString();
    }

    /** The lines where two texts first differ, for a person looking into a miss. */
    private static String difference(String expected, String offered) {
        List<String> a = expected.lines().toList();
        List<String> b = offered.lines().toList();
        int line = 0;
        while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
            line++;
        }
        return "  line " + (line + 1) + " expected: " + (line < a.size() ? a.get(line) : "(end)")
                + "\n  line " + (line + 1) + " offered:  " + (line < b.size() ? b.get(line) : "(end)");
    }

    private static Object options(FakeModelBackend backend) {
        var endpoint = Map.of("name", "local", "url", backend.url().toString(), "api", "ollama", "promptMode", "chat");
        return new Gson().toJsonTree(Map.of("gptoss", Map.of("endpoints", List.of(endpoint))));
    }
}
