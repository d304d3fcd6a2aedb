package dev.gptoss.bench;

import com.google.gson.Gson;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InlineCompletionContext;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The workspace index benchmark of issue 3: a generated 5,000-file tree indexed in the background,
 * and whether that delays the first completion. Each repetition starts the real server jar twice,
 * once on the tree and once on an empty workspace holding only the opened file, in alternating order;
 * each opens the same document right after {@code initialized} and asks for a completion at the same
 * moment after it, then a few more while the index is still building.
 *
 * <pre>java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.IndexMain
 *     (--server server/target/gptoss-ls.jar | --launcher dist/target/gptoss-ls/bin/gptoss-ls)
 *     [--files 5000] [--repeats 5] [--follow 10] [--first-after-ms 1500] [--service-ms 50] [--work-dir bench/target]
 *     [--control] [--jvm-opts "..."] [--out docs/benchmarks.md]</pre>
 */
public final class IndexMain {
    static final String SECTION = "Workspace index, 5,000 files (issue 3)";
    /** "Not delayed": the first completion's median within this of the empty workspace's. */
    static final double NOT_DELAYED_MS = 10;
    private static final long SEED = 3;
    private static final Duration FOLLOW_PAUSE = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ServerCommand server;
    private final Path workDir;
    private final int follow;
    private final long firstAfterMs;
    private final String opened;
    private FakeModelBackend backend;

    /** One server start: its completions, and when the index said it was ready (tree only). */
    record Sample(double firstMs, boolean firstWhileBuilding, double[] followMs, int followWhileBuilding,
                  double indexReadyMs, long indexedFiles, int empty, int firstPromptChars) {
    }

    private IndexMain(ServerCommand server, Path workDir, int follow, long firstAfterMs, String opened) {
        this.opened = opened;
        this.server = server;
        this.workDir = workDir;
        this.follow = follow;
        this.firstAfterMs = firstAfterMs;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        BenchMain.stopAfter(Duration.ofMinutes(30));
        ServerCommand server;
        try {
            server = ServerCommand.from(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int files = Integer.parseInt(options.getOrDefault("--files", "5000"));
        int repeats = Integer.parseInt(options.getOrDefault("--repeats", "5"));
        int follow = Integer.parseInt(options.getOrDefault("--follow", "10"));
        long serviceMs = Long.parseLong(options.getOrDefault("--service-ms", "50"));
        long firstAfterMs = Long.parseLong(options.getOrDefault("--first-after-ms", "1500"));
        Path workDir = Path.of(options.getOrDefault("--work-dir", "bench/target")).toAbsolutePath();
        String loadBefore = Machine.loadAverage();

        Path base = workDir.resolve("index-bench");
        deleteTree(base);
        Path tree = base.resolve("tree");
        Path empty = base.resolve("empty");
        WorkspaceTree.Stats stats = WorkspaceTree.generate(tree, files, SEED);
        write(empty.resolve(WorkspaceTree.OPENED), WorkspaceTree.OPENED_TEXT);
        log("generated %d files (%d ignored, %.1f MB) in %s", stats.files(), stats.ignoredFiles(),
                stats.bytes() / 1e6, tree);

        // --control: the opened file calls no name the tree defines, so both prompts are the same size.
        boolean control = options.containsKey("--control");
        var bench = new IndexMain(server, workDir, follow, firstAfterMs,
                control ? WorkspaceTree.OPENED_TEXT_UNRELATED : WorkspaceTree.OPENED_TEXT);
        var emptyRuns = new ArrayList<Sample>();
        var treeRuns = new ArrayList<Sample>();
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer(FloorLanguageServer.ANSWER).serviceTime(Duration.ofMillis(serviceMs));
            bench.backend = backend;
            bench.sample(empty, false, "uncounted");
            for (int r = 0; r < repeats; r++) {
                boolean emptyFirst = r % 2 == 0;
                if (emptyFirst) {
                    emptyRuns.add(bench.sample(empty, false, "empty"));
                }
                treeRuns.add(bench.sample(tree, true, "tree"));
                if (!emptyFirst) {
                    emptyRuns.add(bench.sample(empty, false, "empty"));
                }
                log("repetition %d/%d: first completion %.1f ms (empty) / %.1f ms (tree, index %s); index ready after %.0f ms",
                        r + 1, repeats, emptyRuns.get(r).firstMs(), treeRuns.get(r).firstMs(),
                        treeRuns.get(r).firstWhileBuilding() ? "building" : "already ready", treeRuns.get(r).indexReadyMs());
            }
        }
        String section = section(String.join(" ", args), bench.server.describe(), stats, serviceMs, repeats, follow, firstAfterMs, loadBefore,
                Machine.loadAverage(), emptyRuns, treeRuns);
        System.out.println(section);
        if (options.containsKey("--out")) {
            MarkdownSections.replace(Path.of(options.get("--out")), SECTION, section);
        }
        // LSP4J's reader threads are not daemons.
        System.exit(0);
    }

    private Sample sample(Path root, boolean indexed, String purpose) throws Exception {
        Path stderr = workDir.resolve("index-" + purpose + ".stderr.log");
        try (var process = LspProcess.start(server, stderr)) {
            process.initialize(options(), root, Duration.ofSeconds(30));
            LanguageServer server = process.server();
            String uri = root.resolve(WorkspaceTree.OPENED).toUri().toString();
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "python", 1, opened)));
            if (!process.awaitStatus("ready", Duration.ofSeconds(20))) {
                throw new IllegalStateException("the server never said the fake model was ready; see " + stderr);
            }
            // The same moment in both workspaces: the server's own warm-up must not favour either.
            long firstAt = process.initializedNanos() + TimeUnit.MILLISECONDS.toNanos(firstAfterMs);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, firstAt - System.nanoTime()));
            int empty = 0;
            int before = backend.requests("/api/generate").size();
            double first = complete(server, uri, opened, 1);
            var sentFirst = backend.requests("/api/generate");
            int promptChars = sentFirst.size() > before
                    ? sentFirst.get(before).json().path("prompt").asText().length() : -1;
            empty += first < 0 ? 1 : 0;
            boolean firstWhileBuilding = indexed && process.awaitIndexReady(Duration.ZERO) == null;
            var followMs = new double[follow];
            int followWhileBuilding = 0;
            for (int i = 0; i < follow; i++) {
                TimeUnit.MILLISECONDS.sleep(FOLLOW_PAUSE.toMillis());
                boolean building = indexed && process.awaitIndexReady(Duration.ZERO) == null;
                followMs[i] = complete(server, uri, opened + "subtotal_" + i + ", ", i + 2);
                empty += followMs[i] < 0 ? 1 : 0;
                followWhileBuilding += building && process.awaitIndexReady(Duration.ZERO) == null ? 1 : 0;
            }
            double readyMs = Double.NaN;
            long files = 0;
            if (indexed) {
                long[] ready = process.awaitIndexReady(Duration.ofMinutes(5));
                if (ready == null) {
                    throw new IllegalStateException("the index never said it was ready; see " + stderr);
                }
                readyMs = (ready[0] - process.initializedNanos()) / 1e6;
                files = ready[1];
            }
            return new Sample(Math.abs(first), firstWhileBuilding, followMs, followWhileBuilding, readyMs, files, empty,
                    promptChars);
        }
    }

    /**
     * Replaces the document's text and asks for a completion at its end; the milliseconds from the
     * change to the answer, negative when the answer had no item.
     */
    private static double complete(LanguageServer server, String uri, String text, int version) throws Exception {
        String[] lines = text.split("\n", -1);
        var at = new Position(lines.length - 1, lines[lines.length - 1].length());
        long sent = System.nanoTime();
        if (version > 1) {
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
        }
        var answer = server.getTextDocumentService().inlineCompletion(new InlineCompletionParams(
                new TextDocumentIdentifier(uri), at, new InlineCompletionContext(InlineCompletionTriggerKind.Automatic)))
                .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        double ms = (System.nanoTime() - sent) / 1e6;
        boolean hasItem = answer.isLeft() ? !answer.getLeft().isEmpty() : !answer.getRight().getItems().isEmpty();
        return hasItem ? ms : -ms;
    }

    private Object options() {
        var endpoint = Map.of("name", "fake", "url", backend.url().toString(), "api", "ollama", "promptMode", "raw");
        var instance = Map.of("endpoint", "fake", "model", "gpt-oss:20b");
        var gptoss = Map.of("endpoints", List.of(endpoint),
                "tiers", Map.of("fast", List.of(instance), "strong", List.of(instance)),
                "completion", Map.of("timeoutMs", 5000),
                "health", Map.of("intervalMs", 60000));
        return new Gson().toJsonTree(Map.of("gptoss", gptoss));
    }

    static String section(String args, String jvm, WorkspaceTree.Stats stats, long serviceMs, int repeats, int follow,
                          long firstAfterMs, String loadBefore, String loadAfter, List<Sample> empty, List<Sample> tree) {
        double emptyFirst = Percentiles.median(empty.stream().mapToDouble(Sample::firstMs).toArray());
        double treeFirst = Percentiles.median(tree.stream().mapToDouble(Sample::firstMs).toArray());
        double emptyFollow = Percentiles.median(empty.stream().flatMapToDouble(s -> Arrays.stream(s.followMs()).map(Math::abs)).toArray());
        double treeFollow = Percentiles.median(tree.stream().flatMapToDouble(s -> Arrays.stream(s.followMs()).map(Math::abs)).toArray());
        double[] ready = tree.stream().mapToDouble(Sample::indexReadyMs).sorted().toArray();
        long firstBuilding = tree.stream().filter(Sample::firstWhileBuilding).count();
        int followBuilding = tree.stream().mapToInt(Sample::followWhileBuilding).sum();
        int emptyAnswers = Stream.concat(empty.stream(), tree.stream()).mapToInt(Sample::empty).sum();
        Machine machine = Machine.describe();
        var md = new StringBuilder();
        md.append("## ").append(SECTION).append("\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" with:\n\n```\nmvn -q -pl bench -am package -DskipTests\n")
                .append("java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.IndexMain ").append(args)
                .append("\n```\n\n");
        md.append("Machine: ").append(machine.cores()).append(" cores (`nproc`), ").append(machine.cpu()).append(", ")
                .append(machine.os()).append(", ").append(machine.javaVersion().isEmpty() ? "" : machine.javaVersion().get(0))
                .append(". Load average (1 / 5 / 15 min) at the start: ").append(loadBefore).append("; at the end: ")
                .append(loadAfter).append(". Compare numbers only within one run: this machine is shared and noisy.\n\n");
        md.append(String.format(Locale.ROOT, "The tree: %,d generated files, %.1f MB (%d Python, %d TypeScript/TSX, "
                + "%d Java, %d other: JavaScript, Go, Rust, Markdown, JSON), %d of them ignored by the root and nested "
                + "`.gitignore` files (`node_modules/`, `build/`, each service's `generated/`). ",
                stats.files(), stats.bytes() / 1e6, stats.python(), stats.typescript(), stats.java(), stats.other(),
                stats.ignoredFiles()));
        md.append("Each repetition starts the server (").append(jvm)
                .append(", over stdio) once on the tree and once on an empty workspace holding only the opened")
                .append(" file, in alternating order, after one uncounted start. Right after `initialized` the driver")
                .append(" opens a Python file that calls helpers defined elsewhere in the tree and, ").append(firstAfterMs)
                .append(" ms after `initialized` (and once the model is reported ready; the same moment in both")
                .append(" workspaces, as a user who starts typing), asks for an inline completion at its end (the")
                .append(" *first completion*); then ")
                .append(follow).append(" more, each after a whole-document change, ").append(FOLLOW_PAUSE.toMillis())
                .append(" ms apart. The fake Ollama backend takes ").append(serviceMs)
                .append(" ms per answer. Latency is timed on the client. *Index ready* is the time from sending")
                .append(" `initialized` to the `gptoss/status` notification whose `index.state` is `ready`.")
                .append(String.format(Locale.ROOT, " Target: the first completion is not delayed, meaning its median"
                        + " over the repetitions is within %.0f ms of the empty workspace's.%n%n", NOT_DELAYED_MS));
        md.append("| measure | empty workspace | 5,000-file tree | target | verdict |\n|---|---:|---:|---|---|\n");
        md.append(String.format(Locale.ROOT, "| first completion, median of %d | %.1f ms | %.1f ms | ≤ empty + %.0f ms | %s (%+.1f ms) |%n",
                repeats, emptyFirst, treeFirst, NOT_DELAYED_MS,
                treeFirst - emptyFirst <= NOT_DELAYED_MS ? "met" : "not met", treeFirst - emptyFirst));
        md.append("| first completion, each run | ").append(list(empty)).append(" | ").append(list(tree)).append(" |  |  |\n");
        md.append(String.format(Locale.ROOT, "| next %d completions, median of all runs | %.1f ms | %.1f ms |  |  |%n",
                follow, emptyFollow, treeFollow));
        md.append(String.format(Locale.ROOT, "| prompt of the first completion, median | %,.0f chars | %,.0f chars |  |  |%n",
                Percentiles.median(empty.stream().mapToDouble(Sample::firstPromptChars).toArray()),
                Percentiles.median(tree.stream().mapToDouble(Sample::firstPromptChars).toArray())));
        md.append(String.format(Locale.ROOT, "| index ready after `initialized`, median (min–max) |  | %,.0f ms (%,.0f–%,.0f) |  |  |%n",
                Percentiles.median(ready), ready[0], ready[ready.length - 1]));
        md.append(String.format(Locale.ROOT, "| files in the index when ready |  | %,d |  |  |%n",
                tree.get(0).indexedFiles()));
        md.append(String.format(Locale.ROOT, "| first completion answered while the index was building |  | %d of %d |  |  |%n",
                firstBuilding, tree.size()));
        md.append(String.format(Locale.ROOT, "| next completions answered while the index was building |  | %d of %d |  |  |%n",
                followBuilding, tree.size() * follow));
        if (emptyAnswers > 0) {
            md.append("\n").append(emptyAnswers).append(" completions came back without an item.\n");
        }
        return md.toString();
    }

    private static String list(List<Sample> samples) {
        return String.join(", ", samples.stream().map(s -> String.format(Locale.ROOT, "%.0f", s.firstMs())).toList());
    }

    private static Map<String, String> parse(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            boolean flag = args[i].equals("--control");
            options.put(args[i], flag ? "" : args[++i]);
        }
        return options;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("index-bench: " + format + "%n", args);
    }
}
