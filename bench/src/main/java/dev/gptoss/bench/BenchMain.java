package dev.gptoss.bench;

import com.google.gson.Gson;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end-to-end benchmark of issue 2, in one run so that the floor and gptoss-ls see the same machine:
 * start-up series (floor and server alternately, then the server with an AppCDS archive), then the
 * latency run against the floor and against the server pointed at the fake backend.
 */
public final class BenchMain {
    static final String USAGE = "usage: java -jar gptoss-bench.jar (--server gptoss-ls.jar | --launcher gptoss-ls/bin/gptoss-ls)"
            + " [--requests 200]"
            + " [--warmup 50] [--service-ms 50] [--starts 5] [--jvm-opts \"...\"] [--work-dir bench/target]"
            + " [--out docs/benchmarks.md] [--no-cds] [--max-minutes 20]";
    static final String DEFAULT_JVM_OPTS = "-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xms32m -Xmx256m";
    private static final Set<String> VALUED = Set.of("--server", "--launcher", "--requests", "--warmup", "--service-ms",
            "--starts", "--jvm-opts", "--work-dir", "--out", "--max-minutes", "--keys", "--key-ms", "--rounds", "--repeats",
            "--first-token-ms", "--chunk-ms", "--token-ms", "--tokens", "--slots");
    private static final Duration INITIALIZE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int SAMPLE_LINES = 2000;
    private static final int CDS_TRAINING_REQUESTS = 20;
    /** A pause between the warm-up requests and the measured ones, as a user makes. */
    static final Duration PAUSE_AFTER_WARMUP = Duration.ofSeconds(3);

    private final Map<String, String> options;
    private final ServerCommand server;
    private final Path workDir;
    private final List<String> jvmOptions;
    private final long serviceMs;
    private final List<String> sample = SamplePython.lines(SAMPLE_LINES);
    /** Per model request the fake served: when it had read the request and when it wrote the last byte. */
    private final List<long[]> backendTimes = new CopyOnWriteArrayList<>();
    private final AtomicInteger backendHangUps = new AtomicInteger();
    private volatile boolean recordingBackend;
    private Path sampleFile;
    private FakeModelBackend backend;

    private BenchMain(Map<String, String> options) {
        this.options = options;
        if (!options.containsKey("--launcher")) {
            required(options, "--server");
        }
        this.server = ServerCommand.from(options);
        this.workDir = Path.of(options.getOrDefault("--work-dir", "bench/target"));
        // the floor runs as editors were told to run the jar; the launcher's options are its own
        this.jvmOptions = server.viaLauncher() ? jvmOptions(Map.of()) : server.jvmOptions();
        this.serviceMs = Long.parseLong(options.getOrDefault("--service-ms", "50"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        stopAfter(Duration.ofMinutes(Long.parseLong(options.getOrDefault("--max-minutes", "20"))));
        Measurements measured;
        try {
            measured = new BenchMain(options).measure(commandLine(args));
        } catch (RuntimeException e) {
            // LSP4J's reader threads are not daemons; without exit a failed run would linger.
            System.err.println("bench: failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println(BenchmarkReport.consoleTable(measured));
        if (options.containsKey("--out")) {
            Path out = Path.of(options.get("--out"));
            BenchmarkReport.writeSection(out, measured);
            System.out.println("Wrote the section \"" + BenchmarkReport.SECTION + "\" of " + out);
        }
        System.exit(0);
    }

    private Measurements measure(String command) throws IOException {
        Files.createDirectories(workDir);
        sampleFile = workDir.resolve("bench_sample.py").toAbsolutePath();
        Files.writeString(sampleFile, String.join("\n", sample));
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        try {
            backend.behavior().answer(FloorLanguageServer.ANSWER).serviceTime(Duration.ofMillis(serviceMs));
            backend.onRequestFinished(this::recordBackendTime);
            return measureWithBackend(command);
        } finally {
            backend.close();
        }
    }

    private Measurements measureWithBackend(String command) throws IOException {
        int starts = intOption(options, "--starts", 5);
        int requests = intOption(options, "--requests", 200);
        int warmup = intOption(options, "--warmup", 50);
        String loadBefore = Machine.loadAverage();

        log("warming the driver's own JSON-RPC code with one uncounted floor start");
        startAndStop(floor(jvmOptions, "start"), null);
        var floorStarts = new long[starts];
        var serverStarts = new long[starts];
        for (int i = 0; i < starts; i++) {
            floorStarts[i] = startAndStop(floor(jvmOptions, "start"), null);
            serverStarts[i] = startAndStop(server(List.of(), "start"), serverOptions());
            log("start %d/%d: initialize after %.0f ms (floor), %.0f ms (gptoss-ls)", i + 1, starts,
                    floorStarts[i] / 1e6, serverStarts[i] / 1e6);
        }
        // the image's runtime has its archive; the jar can have one made here
        Percentiles cdsStarts = options.containsKey("--no-cds") || server.viaLauncher() ? null : appCdsStarts(starts);

        log("latency run: floor, %d warm-up + %d measured", warmup, requests);
        Run floorRun = latencyRun(floor(jvmOptions, "latency"), null, warmup, requests);
        log("latency run: gptoss-ls, %d warm-up + %d measured", warmup, requests);
        Run serverRun = latencyRun(server(List.of(), "latency"), serverOptions(), warmup, requests);

        return new Measurements(command, Machine.describe(), loadBefore, Machine.loadAverage(),
                String.join(" ", jvmOptions), server.describe(), requests, warmup,
                serviceMs, starts, floorRun, serverRun, Percentiles.ofNanos(backendDurations()),
                LatencySplit.of(serverRun.result(), List.copyOf(backendTimes)), backendHangUps.get(),
                Percentiles.ofNanos(floorStarts), Percentiles.ofNanos(serverStarts), cdsStarts);
    }

    /** One start of a server: its initialize time; the process is stopped right after. */
    private long startAndStop(Launch launch, Object initializationOptions) {
        try (var process = launch.start()) {
            return process.initialize(initializationOptions, workDir.toAbsolutePath(), INITIALIZE_TIMEOUT);
        }
    }

    /**
     * Records the classes a realistic session loads into an archive (at exit), then times starts that
     * map it. The archive is specific to this JDK build and jar; an editor extension would create it on
     * first launch the same way.
     */
    private Percentiles appCdsStarts(int starts) {
        Path archive = workDir.resolve("gptoss-ls.jsa").toAbsolutePath();
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log("AppCDS: recording %s with %d completions", archive, CDS_TRAINING_REQUESTS);
        latencyRun(server(List.of("-XX:ArchiveClassesAtExit=" + archive), "cds-record"), serverOptions(),
                CDS_TRAINING_REQUESTS, 0);
        if (!Files.isRegularFile(archive)) {
            log("AppCDS: no archive was written; see %s", workDir.resolve("gptoss-ls-cds-record.stderr.log"));
            return null;
        }
        var times = new long[starts];
        for (int i = 0; i < starts; i++) {
            times[i] = startAndStop(server(List.of("-XX:SharedArchiveFile=" + archive), "cds-start"), serverOptions());
            log("AppCDS start %d/%d: initialize after %.0f ms", i + 1, starts, times[i] / 1e6);
        }
        return Percentiles.ofNanos(times);
    }

    private Run latencyRun(Launch launch, Object initializationOptions, int warmup, int requests) {
        try (var process = launch.start()) {
            long initialize = process.initialize(initializationOptions, workDir.toAbsolutePath(), INITIALIZE_TIMEOUT);
            boolean ready = initializationOptions == null || process.awaitStatus("ready", READY_TIMEOUT);
            if (!ready) {
                log("%s never reported state \"ready\" within %s; measuring anyway", launch.name(), READY_TIMEOUT);
            }
            long rssAfterStart = process.residentKiB();
            var run = new LatencyRun(process.server(), sampleFile.toUri().toString(), sample, REQUEST_TIMEOUT);
            run.open();
            LatencyRun.Result warm = run.run(warmup);
            pause(PAUSE_AFTER_WARMUP);
            backendTimes.clear();
            backendHangUps.set(0);
            recordingBackend = initializationOptions != null;
            LatencyRun.Result result = run.run(requests);
            recordingBackend = false;
            long rssAfterRun = process.residentKiB();
            log("%s: warm-up %d answered, %d empty, %d failed; measured %d answered, %d empty, %d failed",
                    launch.name(), warm.answered(), warm.empty(), warm.failed(), result.answered(), result.empty(),
                    result.failed());
            return new Run(initialize, ready, rssAfterStart, rssAfterRun, result, process.complaints());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pausing between warm-up and measurement", e);
        }
    }

    private void recordBackendTime(RecordedRequest request) {
        boolean generation = request.path().equals("/api/generate") || request.path().equals("/api/chat");
        if (recordingBackend && generation) {
            Instant received = request.receivedAt();
            backendTimes.add(new long[] {received.getEpochSecond() * 1_000_000_000L + received.getNano(),
                LatencyRun.epochNanos()});
            if (request.clientHungUp()) {
                backendHangUps.incrementAndGet();
            }
        }
    }

    private long[] backendDurations() {
        return backendTimes.stream().mapToLong(t -> t[1] - t[0]).toArray();
    }

    /** The floor server; its stderr goes to {@code floor-PURPOSE.stderr.log} (the last such process's). */
    private Launch floor(List<String> jvm, String purpose) {
        return new Launch("floor", jvm, List.of("-cp", System.getProperty("java.class.path"),
                FloorLanguageServer.class.getName()), null, workDir.resolve("floor-" + purpose + ".stderr.log"));
    }

    /** gptoss-ls with its JVM options and {@code extraJvmOptions}. */
    private Launch server(List<String> extraJvmOptions, String purpose) {
        var options = new ArrayList<>(server.jvmOptions());
        options.addAll(extraJvmOptions);
        return new Launch("gptoss-ls", options, List.of(), server.withJvmOptions(options),
                workDir.resolve("gptoss-ls-" + purpose + ".stderr.log"));
    }

    /** {@code initializationOptions} pointing both tiers at the fake backend, raw prompts, no retries. */
    private Object serverOptions() {
        String url = backend.url().toString();
        var endpoint = Map.of("name", "fake", "url", url, "api", "ollama", "promptMode", "raw");
        var instance = Map.of("endpoint", "fake", "model", "gpt-oss:20b");
        var gptoss = Map.of(
                "endpoints", List.of(endpoint),
                "tiers", Map.of("fast", List.of(instance), "strong", List.of(instance)),
                "completion", Map.of("timeoutMs", 5000),
                "health", Map.of("intervalMs", 60000));
        // LSP4J sends initializationOptions through Gson; a JSON tree keeps the shape exact.
        return new Gson().toJsonTree(Map.of("gptoss", gptoss));
    }

    /** A server process to start: the floor ({@code java OPTIONS MAIN...}) or gptoss-ls ({@code server}). */
    record Launch(String name, List<String> jvmOptions, List<String> main, ServerCommand server, Path stderrLog) {
        LspProcess start() {
            return server != null ? LspProcess.start(server, stderrLog) : LspProcess.start(name, jvmOptions, main, stderrLog);
        }
    }

    /** One latency run of one server process. */
    record Run(long initializeNanos, boolean ready, long rssAfterStartKiB, long rssAfterRunKiB,
               LatencyRun.Result result, List<String> complaints) {
    }

    /** Everything one benchmark run measured. */
    record Measurements(String command, Machine machine, String loadBefore, String loadAfter,
                        String jvmOptions, String serverCommand, int requests, int warmup, long serviceMs, int starts, Run floor, Run server, Percentiles backend,
                        LatencySplit split, int backendHangUps, Percentiles floorInitialize,
                        Percentiles serverInitialize, Percentiles serverInitializeWithCds) {
    }

    private static void log(String format, Object... args) {
        System.err.printf("bench: " + format + "%n", args);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    /** A whole-number option, or {@code fallback} when it is absent. */
    static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not \"" + value + "\"");
        }
    }

    /** The server's JVM options: {@code --jvm-opts}, or the ones editors are told to use. */
    static List<String> jvmOptions(Map<String, String> options) {
        return List.of(options.getOrDefault("--jvm-opts", DEFAULT_JVM_OPTS).trim().split("\\s+"));
    }

    static Map<String, String> parse(String[] args) {
        return parse(args, VALUED);
    }

    /** Options {@code --name value} (any of {@code valued}) and the flag {@code --no-cds}. */
    static Map<String, String> parse(String[] args, Set<String> valued) {
        return dev.gptoss.fake.ProcessOptions.parse(args, valued, Set.of("--no-cds"));
    }

    private static String commandLine(String[] args) {
        var words = new ArrayList<String>(List.of("java", "-jar", "bench/target/gptoss-bench.jar"));
        for (String arg : args) {
            words.add(arg.matches("[\\w./=:,+-]+") ? arg : "\"" + arg + "\"");
        }
        return String.join(" ", words);
    }

    /** A benchmark that hangs must still end: whatever happens, the driver exits after this long. */
    static void stopAfter(Duration limit) {
        var watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
                System.err.println("bench: still running after " + limit + "; giving up");
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
