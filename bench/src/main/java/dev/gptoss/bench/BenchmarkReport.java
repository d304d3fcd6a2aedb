package dev.gptoss.bench;

import dev.gptoss.bench.BenchMain.Measurements;
import dev.gptoss.bench.BenchMain.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results as a table with a verdict for each target of issue 2, printed and written as one section
 * of docs/benchmarks.md. Only that section is replaced; anything else in the file is kept.
 */
final class BenchmarkReport {
    static final String SECTION = "Inline completion, end to end (issue 2)";
    private static final double P50_SLACK_MS = 2;
    private static final double P95_SLACK_MS = 5;
    /** Issue 18: {@code initialize} through the launcher ≤ 350 ms and ≤ the floor + 50 ms; memory ≤ 110 MiB. */
    private static final double INITIALIZE_SLACK_MS = 50;
    private static final double INITIALIZE_LIMIT_MS = 350;
    private static final double INITIALIZE_STRETCH_MS = 400;
    private static final double MEMORY_LIMIT_MIB = 110;

    private BenchmarkReport() {
    }

    /** A row of the results: what, the floor's value, gptoss-ls's value, the target and the verdict. */
    private record Row(String measure, String floor, String server, String target, String verdict) {
    }

    static String consoleTable(Measurements m) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-44s %12s %12s  %-34s %s%n", "measure", "floor", "gptoss-ls",
                "target", "verdict"));
        for (Row row : rows(m)) {
            out.append(String.format(Locale.ROOT, "%-44s %12s %12s  %-34s %s%n", row.measure(), row.floor(),
                    row.server(), row.target(), row.verdict()));
        }
        return out.toString();
    }

    static void writeSection(Path file, Measurements m) throws IOException {
        MarkdownSections.replace(file, SECTION, section(m));
    }

    private static String section(Measurements m) {
        var md = new StringBuilder();
        md.append("## ").append(SECTION).append("\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" with:\n\n```\n")
                .append("mvn -q -pl bench -am package -DskipTests\n")
                .append(m.command()).append("\n```\n\n");
        md.append("Machine: ").append(m.machine().cores()).append(" cores (`nproc`), ").append(m.machine().cpu())
                .append(", ").append(m.machine().os()).append(". `java -version`:\n\n```\n")
                .append(String.join("\n", m.machine().javaVersion())).append("\n```\n\n");
        md.append("Load average (1 / 5 / 15 min) when the run started: ").append(m.loadBefore())
                .append("; when it ended: ").append(m.loadAfter()).append(".\n\n");
        md.append("The floor runs as `java ").append(m.jvmOptions()).append(" ...`, gptoss-ls as ")
                .append(m.serverCommand()).append(", both over stdio, started by the")
                .append(" driver as an editor would start them. The floor is `FloorLanguageServer`: LSP4J")
                .append(" answering every inline completion at once with a fixed item, no backend. gptoss-ls")
                .append(" talks to the project's fake Ollama backend on 127.0.0.1, which takes ")
                .append(m.serviceMs()).append(" ms from request to last byte. The document is a generated")
                .append(" 2,000-line Python module; each request follows an incremental `didChange` that")
                .append(" inserts a fresh `value_N = ` line at a different place, so no cache can answer.")
                .append(" Latency is timed on the client from writing the `didChange` to reading the response; ")
                .append(m.warmup()).append(" warm-up requests are not counted; after a pause of ")
                .append(BenchMain.PAUSE_AFTER_WARMUP.toSeconds()).append(" s, as a user's, ").append(m.requests())
                .append(" are. Server overhead = latency − ").append(m.serviceMs()).append(" ms. `initialize`")
                .append(" is the median of ").append(m.starts()).append(" starts of each, alternating, timed")
                .append(" from process start to the response. Memory is VmRSS of the server process.")
                .append(" Compare numbers only within one run: this machine is noisy.\n\n");
        md.append("| measure | floor | gptoss-ls | target | verdict |\n|---|---:|---:|---|---|\n");
        for (Row row : rows(m)) {
            md.append("| ").append(row.measure()).append(" | ").append(row.floor()).append(" | ")
                    .append(row.server()).append(" | ").append(row.target()).append(" | ")
                    .append(row.verdict()).append(" |\n");
        }
        md.append("\n");
        md.append(notes(m));
        return md.toString();
    }

    private static List<Row> rows(Measurements m) {
        Percentiles floor = Percentiles.ofNanos(m.floor().result().latencyNanos());
        Percentiles server = Percentiles.ofNanos(m.server().result().latencyNanos());
        Percentiles overhead = server.minus(m.serviceMs());
        var rows = new ArrayList<Row>();
        rows.add(new Row("latency p50", ms(floor.p50()), ms(server.p50()), "", ""));
        rows.add(new Row("latency p95", ms(floor.p95()), ms(server.p95()), "", ""));
        rows.add(new Row("latency p99", ms(floor.p99()), ms(server.p99()), "", ""));
        rows.add(new Row("latency max", ms(floor.max()), ms(server.max()), "", ""));
        rows.add(new Row("server overhead p50 (latency − service)", "", ms(overhead.p50()),
                "≤ floor p50 + " + ms(P50_SLACK_MS), verdict(overhead.p50() - floor.p50() <= P50_SLACK_MS,
                        overhead.p50() - floor.p50())));
        rows.add(new Row("server overhead p95", "", ms(overhead.p95()),
                "≤ floor p95 + " + ms(P95_SLACK_MS), verdict(overhead.p95() - floor.p95() <= P95_SLACK_MS,
                        overhead.p95() - floor.p95())));
        rows.add(new Row("server overhead p99", "", ms(overhead.p99()), "", ""));
        if (m.backend().count() > 0) {
            rows.add(new Row("backend time, as the fake measured it, p50 / max", "",
                    ms(m.backend().p50()) + " / " + ms(m.backend().max()), "≈ " + m.serviceMs() + " ms", ""));
        }
        if (m.split() != null) {
            rows.add(new Row("latency − fake-measured time, p50 / p95", "",
                    pair(m.split().beyondBackend().p50(), m.split().beyondBackend().p95()), "", ""));
            rows.add(new Row("  of which before the model request, p50 / p95", "",
                    pair(m.split().before().p50(), m.split().before().p95()), "", ""));
            rows.add(new Row("  of which after the model's last byte, p50 / p95", "",
                    pair(m.split().after().p50(), m.split().after().p95()), "", ""));
        }
        rows.add(new Row("answered / empty / failed", counts(m.floor()), counts(m.server()),
                "all answered, none empty", verdict(m.server().result().empty() == 0
                        && m.server().result().failed() == 0 && m.server().result().answered() == m.requests())));
        double initializeGap = (m.serverInitialize().p50() - m.floorInitialize().p50());
        rows.add(new Row("initialize, median of " + m.starts() + " starts", ms(m.floorInitialize().p50()),
                ms(m.serverInitialize().p50()), "≤ " + ms(INITIALIZE_LIMIT_MS) + " and ≤ floor + " + ms(INITIALIZE_SLACK_MS),
                verdict(initializeGap <= INITIALIZE_SLACK_MS && m.serverInitialize().p50() <= INITIALIZE_LIMIT_MS,
                        initializeGap)));
        rows.add(new Row("initialize, slowest of " + m.starts() + " starts", ms(m.floorInitialize().max()),
                ms(m.serverInitialize().max()), "", ""));
        if (m.serverInitializeWithCds() != null) {
            double cds = m.serverInitializeWithCds().p50();
            rows.add(new Row("initialize with AppCDS, median", "", ms(cds), "< " + ms(INITIALIZE_STRETCH_MS)
                    + " (stretch)", verdict(cds < INITIALIZE_STRETCH_MS)));
        }
        rows.add(new Row("resident memory after start", mib(m.floor().rssAfterStartKiB()),
                mib(m.server().rssAfterStartKiB()), "", ""));
        double afterRun = m.server().rssAfterRunKiB() / 1024.0;
        rows.add(new Row("resident memory after the run", mib(m.floor().rssAfterRunKiB()),
                mib(m.server().rssAfterRunKiB()), "≤ " + (int) MEMORY_LIMIT_MIB + " MiB",
                verdict(afterRun <= MEMORY_LIMIT_MIB)));
        return rows;
    }

    private static String notes(Measurements m) {
        var notes = new StringBuilder();
        if (!m.server().ready()) {
            notes.append("- gptoss-ls never reported `\"state\": \"ready\"` before the run.\n");
        }
        if (m.backendHangUps() > 0) {
            notes.append("- gptoss-ls hung up on the fake before the end of ").append(m.backendHangUps())
                    .append(" responses, so those requests did not wait the whole service time.\n");
        }
        if (!m.server().complaints().isEmpty()) {
            notes.append("- gptoss-ls showed: ").append(String.join("; ", m.server().complaints().stream()
                    .distinct().limit(5).toList())).append("\n");
        }
        return notes.length() == 0 ? "" : notes.append("\n").toString();
    }

    private static String pair(double first, double second) {
        return ms(first) + " / " + ms(second);
    }

    private static String counts(Run run) {
        return run.result().answered() + " / " + run.result().empty() + " / " + run.result().failed();
    }

    private static String verdict(boolean met) {
        return met ? "met" : "not met";
    }

    private static String verdict(boolean met, double gapMs) {
        return verdict(met) + String.format(Locale.ROOT, " (%+.1f ms)", gapMs);
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
