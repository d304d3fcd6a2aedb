package dev.gptoss.bench;

import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one streamed HTTP exchange with the fake backend costs a JVM started like the server, with
 * nothing else around it: the part of the server's overhead no server design that asks a model
 * over the JDK's HttpClient can avoid.
 *
 * <pre>java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.HttpFloorMain [--requests 200]
 *     [--warmup 50] [--service-ms 50] [--out docs/benchmarks.md]</pre>
 */
public final class HttpFloorMain {
    static final String SECTION = "HTTP floor: one streamed model request and nothing else";

    private HttpFloorMain() {
    }

    public static void main(String[] args) throws Exception {
        var options = BenchMain.parse(args);
        BenchMain.stopAfter(Duration.ofMinutes(10));
        int requests = BenchMain.intOption(options, "--requests", 200);
        int warmup = BenchMain.intOption(options, "--warmup", 50);
        int serviceMs = BenchMain.intOption(options, "--service-ms", 50);
        List<long[]> backendTimes = new CopyOnWriteArrayList<>();
        LatencyRun.Result run;
        String load = Machine.loadAverage();
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer(FloorLanguageServer.ANSWER).serviceTime(Duration.ofMillis(serviceMs));
            backend.onRequestFinished(request -> backendTimes.add(times(request)));
            run = runClient(backend.url().toString(), warmup + requests);
        }
        int skip = warmup;
        var measured = new LatencyRun.Result(Arrays.copyOfRange(run.latencyNanos(), skip, run.answered()),
                Arrays.copyOfRange(run.sentEpochNanos(), skip, run.answered()),
                Arrays.copyOfRange(run.receivedEpochNanos(), skip, run.answered()), 0, 0);
        LatencySplit split = LatencySplit.of(measured, backendTimes.subList(skip, backendTimes.size()));
        if (split == null) {
            throw new IllegalStateException("requests and backend calls do not pair up");
        }
        String section = section(split, requests, warmup, serviceMs, load, String.join(" ", args));
        System.out.println(section);
        if (options.containsKey("--out")) {
            MarkdownSections.replace(Path.of(options.get("--out")), SECTION, section);
        }
        System.exit(0);
    }

    private static long[] times(RecordedRequest request) {
        Instant received = request.receivedAt();
        return new long[] {received.getEpochSecond() * 1_000_000_000L + received.getNano(), LatencyRun.epochNanos()};
    }

    private static LatencyRun.Result runClient(String url, int count) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(BenchMain.DEFAULT_JVM_OPTS.split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HttpOnlyClient.class.getName(), url,
                Integer.toString(count)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var latency = new long[count];
        var sent = new long[count];
        var received = new long[count];
        int n = 0;
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && n < count; line = lines.readLine()) {
                String[] parts = line.trim().split(" ");
                latency[n] = Long.parseLong(parts[0]);
                sent[n] = Long.parseLong(parts[1]);
                received[n++] = Long.parseLong(parts[2]);
            }
        }
        if (process.waitFor() != 0 || n != count) {
            throw new IllegalStateException("the HTTP client answered " + n + " of " + count + " requests");
        }
        return new LatencyRun.Result(latency, sent, received, 0, 0);
    }

    private static String section(LatencySplit split, int requests, int warmup, int serviceMs, String load,
                                  String args) {
        return String.format(Locale.ROOT, """
                ## %s

                ```
                java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.HttpFloorMain %s
                ```

                A JVM started with the server's options (`%s`) sends %d streamed POSTs of an 8 KB raw
                prompt to the fake Ollama backend (%d ms per answer) with the JDK's `HttpClient`, one at a
                time, reading the NDJSON answer line by line, and does nothing else (%d warm-up requests
                not counted). Same clocks and same split as the end-to-end run. Load average before: %s.

                | | p50 | p95 |
                |---|---|---|
                | latency − fake-measured time | %.1f ms | %.1f ms |
                | of which before the request reached the fake | %.1f ms | %.1f ms |
                | of which after the fake's last byte | %.1f ms | %.1f ms |
                """, SECTION, args, BenchMain.DEFAULT_JVM_OPTS, requests, serviceMs, warmup, load,
                split.beyondBackend().p50(), split.beyondBackend().p95(), split.before().p50(), split.before().p95(),
                split.after().p50(), split.after().p95());
    }
}
