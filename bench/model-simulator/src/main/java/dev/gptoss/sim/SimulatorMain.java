package dev.gptoss.sim;

import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.InfillingOracle;
import dev.gptoss.fake.ProcessOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the simulator as a process: {@code java -jar gptoss-model-simulator-runnable.jar --profile
 * gpt-oss-20b@dgx-spark --corpus bench/src/main/resources/corpus} (or {@code --infilling} with
 * HumanEval infilling files, answered as the fake's {@code InfillingOracle} does, for gptoss-ls
 * eval). Prints one line
 * {@code SIM_URL=http://127.0.0.1:PORT} on stdout once listening, one line per request on stderr,
 * and exits on stdin EOF (unless {@code --ignore-stdin}) or SIGTERM.
 */
public final class SimulatorMain {
    private static final String USAGE = "usage: SimulatorMain [--profile NAME[/Nslots][/blocks|/slot_prefix|/none]]"
            + " [--flavor llamacpp|ollama|vllm|tabby] [--corpus DIR] [--accuracy 0.5] [--seed 1] [--port N]"
            + " [--infilling FILE,... [--answer-shape bare|fenced|...]] [--list-profiles] [--ignore-stdin]";
    private static final Set<String> VALUED = Set.of("--profile", "--flavor", "--corpus", "--accuracy", "--seed",
            "--port", "--infilling", "--answer-shape");
    private static final Set<String> FLAGS = Set.of("--list-profiles", "--ignore-stdin");

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ModelSimulator simulator;
        Map<String, String> options;
        try {
            options = ProcessOptions.parse(args, VALUED, FLAGS);
            if (options.containsKey("--list-profiles")) {
                Profiles.all().forEach(p -> System.out.printf(Locale.ROOT, "%-32s %s, %s: prefill %.0f t/s, decode %s t/s,"
                        + " %d slot(s), %s cache%n    source: %s%n", p.name(), p.hardware(), p.engine(),
                        p.prefillTokensPerSecond(), p.decodeTokensPerSecond(), p.slots(), p.cache(), p.source()));
                return;
            }
            Profile profile = Profiles.named(options.getOrDefault("--profile", "gpt-oss-20b@dgx-spark"));
            Oracle oracle = options.containsKey("--corpus")
                    ? new Oracle(readCorpus(Path.of(options.get("--corpus"))),
                            Double.parseDouble(options.getOrDefault("--accuracy", "0.5")),
                            Long.parseLong(options.getOrDefault("--seed", "1")))
                    : null;
            // HumanEval infilling answered as a perfect model would (gptoss-ls eval), instead of a typed corpus.
            InfillingOracle infilling = InfillingOracle.fromOptions(options.get("--infilling"),
                    options.getOrDefault("--answer-shape", "bare"));
            if (infilling != null && oracle != null) {
                throw new IllegalArgumentException("--infilling and --corpus answer differently: give one of them");
            }
            simulator = ModelSimulator.start(Flavor.parse(options.getOrDefault("--flavor", "llamacpp")), profile, oracle,
                    Integer.parseInt(options.getOrDefault("--port", "0")));
            if (infilling != null) {
                simulator.backend().behavior().answer(infilling);
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        simulator.ledger().onBooking(b -> System.err.printf(Locale.ROOT,
                "sim %s: prompt %d tokens (%d cached), prefill %.1f ms, %d tokens in %.1f ms%s%n", b.path(),
                b.promptTokens(), b.cachedTokens(), b.prefillNanos() / 1e6, b.decodedTokens(), b.decodeNanos() / 1e6,
                !b.started() ? ", left the queue" : b.cut() ? ", cut" : ""));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
        if (!options.containsKey("--ignore-stdin")) {
            ProcessOptions.exitOnStdinEof(simulator, "simulator-stdin");
        }
        System.out.println("SIM_URL=" + simulator.url());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Every regular file under {@code dir}, by its path relative to it. */
    static Map<String, String> readCorpus(Path dir) {
        var files = new LinkedHashMap<String, String>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file).replace("\r\n", "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + dir, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files in the corpus " + dir);
        }
        return files;
    }

}
