package dev.gptoss.bench;

import com.google.gson.Gson;
import dev.gptoss.fake.Flavor;
import dev.gptoss.sim.ModelSimulator;
import dev.gptoss.sim.Oracle;
import dev.gptoss.sim.Profile;
import dev.gptoss.sim.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The replay of issue 15: real files typed into gptoss-ls and into tabby-agent (at its defaults
 * and with its debounce set to 0), one after the other, each against a fresh model server
 * simulator with the same profile, oracle and seed, so that the person, the model and the
 * hardware are the same and only the client differs.
 *
 * <pre>java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.ReplayMain --server server/target/gptoss-ls.jar
 *     --tabby-agent bench/tabby/node_modules/tabby-agent/dist/cli.js [--profile gpt-oss-20b@dgx-spark]
 *     [--regions 3] [--seed 1] [--accuracy 0.5] [--variants gptoss-ls,tabby-agent,tabby-agent-debounce-0]
 *     [--jvm-opts "..."] [--work-dir /tmp/replay] [--out docs/benchmarks.md] [--picture docs/images/replay-latency.svg]</pre>
 */
public final class ReplayMain {
    static final String SECTION = "Replay of real typing beside tabby-agent (issue 15)";
    private static final Set<String> VALUED = Set.of("--server", "--tabby-agent", "--profile", "--regions", "--seed",
            "--accuracy", "--variants", "--jvm-opts", "--work-dir", "--out", "--picture", "--max-minutes", "--label");
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private ReplayMain() {
    }

    /** One client under test. */
    private enum Variant {
        GPTOSS("gptoss-ls"), TABBY("tabby-agent"), TABBY_NO_DEBOUNCE("tabby-agent-debounce-0");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        static Variant named(String label) {
            for (Variant v : values()) {
                if (v.label.equals(label)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown variant " + label + "; known: gptoss-ls, tabby-agent, "
                    + "tabby-agent-debounce-0");
        }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception | Error e) {
            // LSP4J's reader threads are not daemons; without exit a failed run would linger.
            System.err.println("replay: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> options = BenchMain.parse(args, VALUED);
        BenchMain.stopAfter(Duration.ofMinutes(Long.parseLong(options.getOrDefault("--max-minutes", "120"))));
        Profile profile = Profiles.named(options.getOrDefault("--profile", "gpt-oss-20b@dgx-spark"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        int regions = BenchMain.intOption(options, "--regions", 3);
        double accuracy = Double.parseDouble(options.getOrDefault("--accuracy", "0.5"));
        Path workDir = Path.of(options.getOrDefault("--work-dir", "bench/target/replay")).toAbsolutePath();
        List<Variant> variants = new ArrayList<>();
        for (String name : options.getOrDefault("--variants", "gptoss-ls,tabby-agent,tabby-agent-debounce-0").split(",")) {
            variants.add(Variant.named(name.trim()));
        }
        String load = Machine.loadAverage();
        var texts = ReplayCorpus.texts();
        var corpus = ReplayCorpus.load(seed, regions);
        var books = new ReplayBooks(texts);
        var figures = new ArrayList<ReplayBooks.Figures>();
        for (Variant variant : variants) {
            Path dir = workDir.resolve(variant.label);
            Files.createDirectories(dir);
            try (var simulator = ModelSimulator.start(variant == Variant.GPTOSS ? Flavor.LLAMACPP : Flavor.TABBY, profile,
                    new Oracle(texts, accuracy, seed), 0)) {
                ReplayRun run = replay(variant, options, simulator, corpus, seed, dir);
                Thread.sleep(500);
                ReplayBooks.Figures f = books.figures(run, simulator.bookings(), simulator::reusedTokens);
                Files.writeString(dir.resolve("bookings.log"), bookingsLog(run, simulator.bookings(), books));
                Files.writeString(dir.resolve("prompt-changes.log"), promptChanges(simulator));
                figures.add(f);
                System.err.println(ReplayReport.consoleLine(f));
            }
        }
        String label = options.getOrDefault("--label", "");
        var report = new ReplayReport(profile, corpus, seed, accuracy, load, String.join(" ", args),
                String.join(" ", BenchMain.jvmOptions(options)), label);
        String section = report.section(figures, options.get("--picture"));
        System.out.println(section);
        if (options.containsKey("--picture")) {
            Path picture = Path.of(options.get("--picture"));
            Files.createDirectories(picture.toAbsolutePath().getParent());
            Files.writeString(picture, ReplayReport.picture(figures, profile));
        }
        if (options.containsKey("--out")) {
            MarkdownSections.replace(Path.of(options.get("--out")), SECTION + label, section);
        }
    }

    private static ReplayRun replay(Variant variant, Map<String, String> options, ModelSimulator simulator,
                                    List<ReplayCorpus.File> corpus, long seed, Path dir) throws Exception {
        for (ReplayCorpus.File f : corpus) {
            Files.writeString(dir.resolve(f.name()), f.openedText());
        }
        Path stderr = dir.resolve("server.stderr.log");
        try (LspProcess process = variant == Variant.GPTOSS ? gptoss(options, simulator, dir, stderr)
                : tabby(options, simulator, dir, stderr, variant == Variant.TABBY_NO_DEBOUNCE)) {
            ReplayEditor editor = variant == Variant.GPTOSS ? new ReplayEditor.Inline(process.server())
                    : new ReplayEditor.Items(process.server());
            var session = new ReplaySession(editor, corpus, new Typist(seed), dir, variant.label);
            session.open();
            Thread.sleep(SETTLE.toMillis());
            simulator.ledger().clear();
            System.err.println("replay: typing into " + variant.label + " (" + corpus.stream()
                    .mapToInt(ReplayCorpus.File::typedChars).sum() + " characters)");
            ReplayRun run = session.type();
            run.residentKiB = process.residentKiB();
            Files.writeString(dir.resolve("trace.log"), session.trace());
            return run;
        }
    }

    private static LspProcess gptoss(Map<String, String> options, ModelSimulator simulator, Path dir, Path stderr) {
        Path jar = Path.of(options.getOrDefault("--server", "server/target/gptoss-ls.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no server jar at " + jar + " (build it: mvn -B -ntp package -DskipTests)");
        }
        LspProcess process = LspProcess.start("gptoss-ls", BenchMain.jvmOptions(options), List.of("-jar", jar.toString()),
                stderr);
        String model = simulator.profile().model();
        var endpoint = Map.of("name", "sim", "url", simulator.url().toString(), "api", "openai");
        var instance = Map.of("endpoint", "sim", "model", model);
        var gptoss = Map.of("endpoints", List.of(endpoint),
                "tiers", Map.of("fast", List.of(instance), "strong", List.of(instance)));
        process.initialize(new Gson().toJsonTree(Map.of("gptoss", gptoss)), dir, Duration.ofSeconds(30));
        if (!process.awaitStatus("ready", Duration.ofSeconds(30))) {
            throw new IllegalStateException("gptoss-ls did not report ready; see " + stderr);
        }
        return process;
    }

    /**
     * tabby-agent in LSP mode under node, reading its server from {@code $HOME/.tabby-client/agent/config.toml}
     * in a home of its own; anonymous usage tracking off, so nothing leaves loopback.
     */
    private static LspProcess tabby(Map<String, String> options, ModelSimulator simulator, Path dir, Path stderr,
                                    boolean noDebounce) throws IOException, InterruptedException {
        Path cli = Path.of(options.getOrDefault("--tabby-agent", "bench/tabby/node_modules/tabby-agent/dist/cli.js"));
        if (!Files.isRegularFile(cli)) {
            throw new IllegalArgumentException("no tabby-agent at " + cli + " (install it: npm ci --prefix bench/tabby)");
        }
        Path home = dir.resolve("home");
        Path config = home.resolve(".tabby-client/agent/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[server]\nendpoint = \"" + simulator.url() + "\"\n\n[logs]\nlevel = \"silent\"\n\n"
                + "[anonymousUsageTracking]\ndisable = true\n"
                + (noDebounce ? "\n[completion.debounce]\nmode = \"fixed\"\ninterval = 0\n" : ""));
        LspProcess process = LspProcess.start("tabby-agent", List.of("node", cli.toAbsolutePath().toString(), "--lsp",
                "--stdio"), Map.of("HOME", home.toString()), stderr);
        process.initialize(null, dir, Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (simulator.backend().requests("/v1/health").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tabby-agent never asked the simulator for its health; see " + stderr);
            }
            Thread.sleep(50);
        }
        return process;
    }

    /** One line per model request, for reading a run afterwards. */
    private static String bookingsLog(ReplayRun run, List<dev.gptoss.sim.Booking> bookings, ReplayBooks books) {
        var out = new StringBuilder();
        for (var b : bookings) {
            out.append(String.format(Locale.ROOT, "%10.1f %-6s %s %s@%d prompt %d (%d cached) prefill %.1f ms, %d tokens %.1f ms,"
                            + " waited %.1f ms%s sent %s%n", (b.arrivalNanos() - run.startNanos) / 1e6, books.kind(b), b.path(),
                    b.answer() == null ? "?" : b.answer().file(), b.answer() == null ? -1 : b.answer().offset(),
                    b.promptTokens(), b.cachedTokens(), b.prefillNanos() / 1e6, b.decodedTokens(), b.decodeNanos() / 1e6,
                    b.started() ? (b.startNanos() - b.arrivalNanos()) / 1e6 : -1.0, b.cut() ? ", cut," : "",
                    "'" + b.sentText().replace("\n", "\\n") + "'"));
        }
        return out.toString();
    }

    /**
     * Where each prompt first differs from the one before it, with a little text around: what
     * breaks a model server's prefix cache.
     */
    private static String promptChanges(ModelSimulator simulator) {
        var out = new StringBuilder();
        String previous = null;
        for (var request : simulator.backend().requests()) {
            String prompt = dev.gptoss.sim.PromptText.of(request.json()).text();
            if (prompt.isEmpty()) {
                continue;
            }
            if (previous != null) {
                int same = 0;
                while (same < Math.min(prompt.length(), previous.length()) && prompt.charAt(same) == previous.charAt(same)) {
                    same++;
                }
                out.append(String.format(Locale.ROOT, "%s: %d of %d chars as before; then %s%n    was %s%n",
                        request.path(), same, prompt.length(), excerpt(prompt, same), excerpt(previous, same)));
            }
            previous = prompt;
        }
        return out.toString();
    }

    private static String excerpt(String text, int at) {
        return "'" + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 50)).replace("\n", "\\n") + "'";
    }

    static String describe(Profile p) {
        return String.format(Locale.ROOT, "%s on %s under %s: prefill %.0f tokens/s, decode %s tokens/s, %d slot(s), %s cache",
                p.model(), p.hardware(), p.engine(), p.prefillTokensPerSecond(), p.decodeTokensPerSecond(), p.slots(),
                p.cache().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
}
