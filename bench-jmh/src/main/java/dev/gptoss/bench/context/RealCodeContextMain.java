package dev.gptoss.bench.context;

import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.config.ContextSettings;
import dev.gptoss.ls.context.PromptContext;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.SyntaxTrees;
import dev.gptoss.ls.workspace.WorkspaceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The context benchmark on real code bases (issue 20). For each code base: the workspace index is
 * built as the server builds it, then cursors generated from the code ({@link ReceiverCursors}:
 * right after {@code receiver.}, the receiver's type defined in another file) are opened one at a
 * time and the first prompt's context is assembled, as for the first completion there. Reports
 * whether the needed definition is in it, how many snippets come from files that are not needed
 * and from another language, the prompt's tokens and the index time.
 *
 * <pre>bash bench-jmh/real-code.sh     # fetches the code bases at fixed versions into bench-jmh/real-code/
 * java -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xms32m -Xmx256m \
 *     -cp bench-jmh/target/bench-jmh.jar dev.gptoss.bench.context.RealCodeContextMain \
 *     [--cursors 80] [--show N] [--misses] [NAME=LANGUAGE:PATH ...]</pre>
 *
 * Without code bases named on the command line, it takes those the script fetched.
 */
public final class RealCodeContextMain {
    private static final Path FETCHED = Path.of("bench-jmh", "real-code");
    private static final List<String> DEFAULT_BASES = List.of(
            "kafka-clients-3.9.0=java:kafka-clients-3.9.0",
            "django-3.2.25=python:django-3.2.25",
            "rxjs-7.8.2=typescript:rxjs-7.8.2/src");
    private static final int PER_FILE = 6;

    record Base(String name, String languageId, Path root) {
    }

    record Result(ReceiverCursors.Cursor cursor, boolean found, int unneeded, int otherLanguage, int pieces,
                  int tokens, int contextChars, double millis, PromptContext prompt) {
    }

    public static void main(String[] args) throws Exception {
        int maxCursors = 80;
        int show = 0;
        boolean misses = false;
        var bases = new ArrayList<Base>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cursors" -> maxCursors = Integer.parseInt(args[++i]);
                case "--show" -> show = Integer.parseInt(args[++i]);
                case "--misses" -> misses = true;
                default -> bases.add(base(args[i], Path.of("")));
            }
        }
        if (bases.isEmpty()) {
            for (String spec : DEFAULT_BASES) {
                bases.add(base(spec, FETCHED));
            }
        }
        System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
        var rows = new ArrayList<String>();
        for (Base base : bases) {
            if (!Files.isDirectory(base.root())) {
                System.err.println("missing " + base.root() + " (run bash bench-jmh/real-code.sh first)");
                System.exit(2);
            }
            rows.add(run(base, maxCursors, show, misses));
        }
        System.out.println();
        System.out.println("| code base | files indexed | index time | cursors | needed definition in the prompt "
                + "| snippets a prompt from files not needed (mean) | from another language | prompt tokens (mean, p90) "
                + "| context build (p50 / p95) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nload average after: %s%n", loadAverage());
        System.exit(0);
    }

    private static Base base(String spec, Path under) {
        int eq = spec.indexOf('=');
        int colon = spec.indexOf(':', eq);
        return new Base(spec.substring(0, eq), spec.substring(eq + 1, colon),
                under.resolve(spec.substring(colon + 1)).toAbsolutePath().normalize());
    }

    private static String run(Base base, int maxCursors, int show, boolean misses) throws Exception {
        var documents = new DocumentStore();
        try (var context = new WorkspaceContext(documents, () -> ContextSettings.DEFAULT,
                     InlineCompletions.fixedPromptText());
             var generator = new SyntaxTrees(new Grammars())) {
            documents.dispatchTo(context::documentChanged);
            context.prepareTokenizer(Runnable::run);
            var parsed = new ConcurrentHashMap<String, CountDownLatch>();
            context.syntax().onParsed((uri, tree) -> parsed.computeIfAbsent(uri, u -> new CountDownLatch(1)).countDown());
            long start = System.nanoTime();
            context.openWorkspace(base.root(), true);
            int files = context.index().ready().get(10, TimeUnit.MINUTES);
            double indexMs = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "%s: indexed %d files in %.0f ms (load %s)%n", base.name(), files, indexMs,
                    loadAverage());

            List<ReceiverCursors.Cursor> cursors = cursors(generator, base, maxCursors);
            var results = new ArrayList<Result>();
            for (ReceiverCursors.Cursor cursor : cursors) {
                String uri = cursor.file().toUri().toString();
                var latch = parsed.computeIfAbsent(uri, u -> new CountDownLatch(1));
                documents.open(uri, cursor.languageId(), 1, cursor.text());
                latch.await(30, TimeUnit.SECONDS);
                var snapshot = documents.snapshot(uri);
                long t0 = System.nanoTime();
                PromptContext prompt = context.assemble(snapshot, cursor.offset());
                double millis = (System.nanoTime() - t0) / 1e6;
                documents.close(uri);
                parsed.remove(uri);
                results.add(judge(cursor, prompt, millis, new ReceiverCursors(generator, base.root(), base.languageId())));
            }
            for (int i = 0; i < results.size(); i++) {
                if (i < show || misses && !results.get(i).found()) {
                    describe(base, results.get(i));
                }
            }
            return row(base, files, indexMs, results);
        }
    }

    /** Spread over the code base: files in path order, at most {@link #PER_FILE} cursors each, every k-th file. */
    private static List<ReceiverCursors.Cursor> cursors(SyntaxTrees trees, Base base, int max) throws IOException {
        var generator = new ReceiverCursors(trees, base.root(), base.languageId());
        String extension = base.languageId().equals("java") ? ".java" : base.languageId().equals("python") ? ".py" : ".ts";
        List<Path> files;
        try (Stream<Path> walk = Files.walk(base.root())) {
            files = walk.filter(p -> p.toString().endsWith(extension) && !p.toString().endsWith(".d.ts"))
                    .sorted().toList();
        }
        var all = new ArrayList<ReceiverCursors.Cursor>();
        for (Path file : files) {
            all.addAll(generator.in(file, PER_FILE));
        }
        if (all.size() <= max) {
            return all;
        }
        var spread = new ArrayList<ReceiverCursors.Cursor>();
        double step = (double) all.size() / max;
        for (int i = 0; i < max; i++) {
            spread.add(all.get((int) (i * step)));
        }
        return spread;
    }

    private static Result judge(ReceiverCursors.Cursor cursor, PromptContext prompt, double millis,
                                ReceiverCursors rules) {
        String self = cursor.file().toUri().toString();
        String needed = cursor.needed().toUri().toString();
        var declaration = rules.typeDeclaration(cursor.typeName());
        boolean found = false;
        int unneeded = 0;
        int otherLanguage = 0;
        for (PromptContext.Piece piece : prompt.pieces()) {
            String path = piece.snippet().path();
            if (path.equals(needed) && declaration.matcher(piece.snippet().text()).find()) {
                found = true;
            }
            if (!path.equals(needed) && !path.equals(self)) {
                unneeded++;
            }
            String language = Grammars.languageOfFile(path).orElse("?");
            if (!family(language).equals(family(cursor.languageId()))) {
                otherLanguage++;
            }
        }
        return new Result(cursor, found, unneeded, otherLanguage, prompt.pieces().size(), prompt.usedTokens(),
                prompt.contextBlock().length(), millis, prompt);
    }

    private static String family(String languageId) {
        return languageId.startsWith("typescript") || languageId.startsWith("javascript") ? "ecmascript" : languageId;
    }

    private static void describe(Base base, Result r) {
        System.out.printf(Locale.ROOT, "%n--- %s %s after %s (needs %s in %s): %s, %d unneeded, %d tokens%n",
                base.name(), base.root().relativize(r.cursor().file()), r.cursor().receiver(), r.cursor().typeName(),
                base.root().relativize(r.cursor().needed()), r.found() ? "found" : "MISSING", r.unneeded(), r.tokens());
        System.out.printf(Locale.ROOT, "    at: %s%n", r.prompt().cursor().linePrefix().strip());
        for (PromptContext.Piece piece : r.prompt().pieces()) {
            System.out.printf(Locale.ROOT, "    %-10s %s (%d tokens)%n", piece.snippet().source(), piece.displayPath(),
                    piece.tokens());
        }
    }

    private static String row(Base base, int files, double indexMs, List<Result> results) {
        int n = results.size();
        long found = results.stream().filter(Result::found).count();
        double unneeded = results.stream().mapToInt(Result::unneeded).average().orElse(0);
        int otherLanguage = results.stream().mapToInt(Result::otherLanguage).sum();
        double tokens = results.stream().mapToInt(Result::tokens).average().orElse(0);
        int[] sortedTokens = results.stream().mapToInt(Result::tokens).sorted().toArray();
        double[] millis = results.stream().mapToDouble(Result::millis).sorted().toArray();
        return String.format(Locale.ROOT, "| %s (%s) | %,d | %.1f s | %d | %d of %d (%.0f%%) | %.1f | %d | %.0f, %d | %.2f / %.2f ms |",
                base.name(), base.languageId(), files, indexMs / 1000, n, found, n, n == 0 ? 0 : 100.0 * found / n,
                unneeded, otherLanguage, tokens, percentile(sortedTokens, 0.9), percentile(millis, 0.5),
                percentile(millis, 0.95));
    }

    private static int percentile(int[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return String.join(" / ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private RealCodeContextMain() {
    }
}
