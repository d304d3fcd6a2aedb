package dev.gptoss.bench;

import dev.gptoss.sim.Profile;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The replay's section of docs/benchmarks.md and its picture: how soon ghost text comes when a person pauses. */
final class ReplayReport {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"};
    private static final double PICTURE_MAX_MS = 3000;

    private final Profile profile;
    private final List<ReplayCorpus.File> corpus;
    private final long seed;
    private final double accuracy;
    private final String load;
    private final String args;
    private final String jvmOpts;
    private final String label;

    ReplayReport(Profile profile, List<ReplayCorpus.File> corpus, long seed, double accuracy, String load, String args,
                 String jvmOpts, String label) {
        this.profile = profile;
        this.corpus = corpus;
        this.seed = seed;
        this.accuracy = accuracy;
        this.load = load;
        this.args = args;
        this.jvmOpts = jvmOpts;
        this.label = label;
    }

    static String consoleLine(ReplayBooks.Figures f) {
        return String.format(Locale.ROOT, "replay %s: accepted %.1f%% (%d of %d chars), pause->ghost p50 %s p95 %s"
                        + " (waited p50 %s p95 %s; %d pauses, %.0f%% with ghost), %d calls (%.1f/min), GPU %.1f s"
                        + " (useful %.1f, shown %.1f, wasted %.1f = %.0f%%, unused after cache reuse %.0f%%),"
                        + " %s GPU s/accepted char, KV cache %.0f%%, queue p50 %.1f ms,"
                        + " %.0f MiB, %d shows (%d untraced), %.1f min",
                f.variant(), 100 * f.acceptedShare(), f.acceptedChars(), f.acceptedChars() + f.typedChars(),
                ms(f.p50Ms()), ms(f.p95Ms()), ms(f.waitedP50Ms()), ms(f.waitedP95Ms()), f.pauses(),
                100 * f.pauseWithGhostShare(), f.calls(), f.callsPerMinute(),
                f.gpuSeconds(), f.usefulGpuSeconds(), f.shownGpuSeconds(), f.wastedGpuSeconds(), 100 * f.wastedShare(),
                100 * f.unusedShare(),
                perChar(f), 100 * f.cachedShare(), f.queueWaitP50Ms(), f.residentMiB(), f.shows(), f.untracedShows(),
                f.minutes());
    }

    String section(List<ReplayBooks.Figures> figures, String picturePath) {
        int regions = corpus.stream().mapToInt(f -> f.regions().size()).sum();
        int chars = corpus.stream().mapToInt(ReplayCorpus.File::typedChars).sum();
        var out = new StringBuilder("## " + ReplayMain.SECTION + label + "\n\n");
        out.append("Command: `java -cp bench/target/gptoss-bench.jar dev.gptoss.bench.ReplayMain ").append(args)
                .append("`\n\n");
        out.append(String.format(Locale.ROOT, "%d characters in %d regions of the four corpus files (Python, Java, "
                        + "TypeScript, Go; `bench/src/main/resources/corpus`), deleted when the files are opened and typed "
                        + "back by the seeded typist (seed %d) into each client over stdio; gptoss-ls runs with `%s`. "
                        + "Model server: the simulator, `%s` (%s), a fresh one per client; its oracle answers right "
                        + "with probability %.2f. Load average before: %s.%n%n", chars, regions, seed, jvmOpts,
                profile.name(), ReplayMain.describe(profile), accuracy, load));
        out.append("| client | accepted characters | pause → ghost text p50 / p95 | waited p50 / p95 "
                + "| pauses with ghost text | model calls / min | GPU s per accepted char | wasted GPU "
                + "| wasted, less reused prefill | prompt tokens from KV cache | queue wait p50 | server memory |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ReplayBooks.Figures f : figures) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f%% (%d) | %s / %s | %s / %s | %.0f%% of %d | %.1f | %s "
                            + "| %.0f%% (%.1f of %.1f s) | %.0f%% | %.0f%% | %.1f ms | %.0f MiB |%n", f.variant(),
                    100 * f.acceptedShare(), f.acceptedChars(), ms(f.p50Ms()), ms(f.p95Ms()), ms(f.waitedP50Ms()),
                    ms(f.waitedP95Ms()), 100 * f.pauseWithGhostShare(), f.pauses(), f.callsPerMinute(), perChar(f),
                    100 * f.wastedShare(), f.wastedGpuSeconds(), f.gpuSeconds(), 100 * f.unusedShare(),
                    100 * f.cachedShare(), f.queueWaitP50Ms(), f.residentMiB()));
        }
        out.append("\nPause → ghost text counts a pause that got none as endless (\"none\" when a percentile lands on "
                + "one); *waited* counts it as the whole pause, the time the person waited in vain. *Wasted GPU* is the "
                + "GPU time of requests that were cut or whose answer was never shown; *wasted, less reused prefill* leaves out "
                + "the prompt tokens such a request computed that a later request took from the model server's cache.\n");
        if (picturePath != null) {
            String relative = picturePath.startsWith("docs/") ? picturePath.substring("docs/".length()) : picturePath;
            out.append("\n![Pause → ghost text, cumulative, one line per client](").append(relative).append(")\n");
        }
        return out.toString();
    }

    /** A cumulative plot of pause → ghost text, one line per client; pauses that got none never reach the top. */
    static String picture(List<ReplayBooks.Figures> figures, Profile profile) {
        int width = 720;
        int height = 360;
        int left = 60;
        int right = 200;
        int top = 30;
        int bottom = 50;
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        var svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\">Pause → ghost text (%s), "
                + "share of pauses</text>%n", left, escape(profile.name())));
        for (int tick = 0; tick <= 6; tick++) {
            double ms = PICTURE_MAX_MS * tick / 6;
            double x = left + plotW * tick / 6.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>%n", x, top, x, top + plotH, x,
                    top + plotH + 16, ms));
        }
        for (int tick = 0; tick <= 4; tick++) {
            double y = top + plotH - plotH * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>%n", left, y, left + plotW, y, left - 6,
                    y + 4, tick * 25));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">ms from the start of the "
                + "pause</text>%n", left + plotW / 2, height - 12));
        for (int i = 0; i < figures.size(); i++) {
            ReplayBooks.Figures f = figures.get(i);
            String colour = COLOURS[i % COLOURS.length];
            long[] shown = Arrays.stream(f.pauseNanos()).filter(n -> n >= 0).sorted().toArray();
            var points = new StringBuilder();
            points.append(String.format(Locale.ROOT, "%d,%d ", left, top + plotH));
            for (int k = 0; k < shown.length; k++) {
                double x = left + plotW * Math.min(1, shown[k] / 1e6 / PICTURE_MAX_MS);
                double yBefore = top + plotH - plotH * (double) k / f.pauses();
                double yAfter = top + plotH - plotH * (double) (k + 1) / f.pauses();
                points.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f ", x, yBefore, x, yAfter));
            }
            double yEnd = top + plotH - plotH * (double) shown.length / Math.max(1, f.pauses());
            points.append(String.format(Locale.ROOT, "%d,%.1f", left + plotW, yEnd));
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                    colour, points));
            int legendY = top + 10 + i * 36;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                            + "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\" fill=\"#555\">"
                            + "p50 %s, p95 %s</text>%n", left + plotW + 12, legendY, left + plotW + 30, legendY, colour,
                    left + plotW + 36, legendY + 4, escape(f.variant()), left + plotW + 36, legendY + 19, ms(f.p50Ms()),
                    ms(f.p95Ms())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String perChar(ReplayBooks.Figures f) {
        return Double.isInfinite(f.gpuSecondsPerAcceptedChar()) ? "–"
                : String.format(Locale.ROOT, "%.3f", f.gpuSecondsPerAcceptedChar());
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Double.isInfinite(value) ? "none" : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
