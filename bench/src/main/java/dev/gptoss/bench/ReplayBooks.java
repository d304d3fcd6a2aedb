package dev.gptoss.bench;

import dev.gptoss.sim.Booking;
import dev.gptoss.sim.ModelSimulator;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins what the editor saw with what the model server did: each suggestion shown is traced to
 * the request whose streamed text it came from, and each request's GPU time is booked as useful
 * (a suggestion from it was accepted), shown but not accepted, or wasted (cut, or finished and
 * never shown).
 */
final class ReplayBooks {
    /** The figures of one replay. */
    record Figures(String variant, double acceptedShare, int typedChars, int acceptedChars, int pauses,
                   double pauseWithGhostShare, double p50Ms, double p95Ms, double waitedP50Ms, double waitedP95Ms,
                   double callsPerMinute, int calls, double gpuSeconds, double usefulGpuSeconds, double shownGpuSeconds,
                   double wastedGpuSeconds, double reusedGpuSeconds, double gpuSecondsPerAcceptedChar,
                   double cachedShare, double queueWaitP50Ms, double residentMiB, int shows, int untracedShows,
                   double minutes, long[] pauseNanos) {
        /** Share of GPU time of requests cut or never shown (the definition). */
        double wastedShare() {
            return gpuSeconds == 0 ? 0 : wastedGpuSeconds / gpuSeconds;
        }

        /** The same, less the prefill of wasted requests that a later request took from the cache. */
        double unusedShare() {
            return gpuSeconds == 0 ? 0 : (wastedGpuSeconds - reusedGpuSeconds) / gpuSeconds;
        }
    }

    private final Map<String, String> texts;
    /** Each request of the last replay read: useful, shown or wasted. */
    private final Map<Booking, String> kinds = new java.util.IdentityHashMap<>();

    ReplayBooks(Map<String, String> texts) {
        this.texts = texts;
    }

    /**
     * @param reusedTokens per request, the prompt tokens it computed that a later request took
     *     from the model server's cache
     */
    Figures figures(ReplayRun run, List<Booking> bookings, java.util.function.ToIntFunction<Booking> reusedTokens) {
        Set<Booking> shown = new HashSet<>();
        Set<Booking> useful = new HashSet<>();
        int untraced = 0;
        for (ReplayRun.Show show : run.shows) {
            Booking source = source(show, bookings);
            if (source == null) {
                untraced++;
                continue;
            }
            shown.add(source);
            if (show.accepted()) {
                useful.add(source);
            }
        }
        double total = 0;
        double usefulSeconds = 0;
        double shownSeconds = 0;
        double reusedSeconds = 0;
        long prompt = 0;
        long cached = 0;
        var waits = new java.util.ArrayList<Double>();
        kinds.clear();
        for (Booking b : bookings) {
            total += b.gpuSeconds();
            if (useful.contains(b)) {
                usefulSeconds += b.gpuSeconds();
                kinds.put(b, "useful");
            } else if (shown.contains(b)) {
                shownSeconds += b.gpuSeconds();
                kinds.put(b, "shown");
            } else {
                kinds.put(b, "wasted");
                reusedSeconds += b.prefillSecondsFor(reusedTokens.applyAsInt(b));
            }
            if (b.started()) {
                prompt += b.promptTokens();
                cached += b.cachedTokens();
                waits.add((b.startNanos() - b.arrivalNanos()) / 1e6);
            }
        }
        long[] pauses = run.pauseToGhost.stream().mapToLong(Long::longValue).toArray();
        long[] waited = new long[pauses.length];
        for (int i = 0; i < pauses.length; i++) {
            waited[i] = pauses[i] >= 0 ? pauses[i] : run.pauseLengths.get(i);
        }
        long withGhost = Arrays.stream(pauses).filter(p -> p >= 0).count();
        return new Figures(run.variant, run.acceptedShare(), run.typedChars, run.acceptedChars, pauses.length,
                pauses.length == 0 ? 0 : (double) withGhost / pauses.length, percentileMs(pauses, 50),
                percentileMs(pauses, 95), percentileMs(waited, 50), percentileMs(waited, 95),
                bookings.size() / run.minutes(), bookings.size(), total, usefulSeconds,
                shownSeconds, total - usefulSeconds - shownSeconds, reusedSeconds,
                run.acceptedChars == 0 ? Double.POSITIVE_INFINITY : total / run.acceptedChars,
                prompt == 0 ? 0 : (double) cached / prompt,
                Percentiles.median(waits.stream().mapToDouble(Double::doubleValue).toArray()),
                run.residentKiB / 1024.0, run.shows.size(), untraced, run.minutes(), pauses);
    }

    /** How the last replay read used a request's GPU time: useful, shown or wasted. */
    String kind(Booking booking) {
        return kinds.getOrDefault(booking, "?");
    }

    /**
     * The request a shown suggestion came from: the latest one, asked at or before the show's
     * place in the same file, whose streamed text (by the time of the show) holds what was typed
     * since it was asked and then the suggestion, white space aside.
     */
    Booking source(ReplayRun.Show show, List<Booking> bookings) {
        String text = texts.get(show.file);
        Booking best = null;
        for (Booking b : bookings) {
            if (b.answer() == null || !b.answer().file().equals(show.file) || b.answer().offset() > show.offset
                    || b.arrivalNanos() > show.nanos || (best != null && b.arrivalNanos() < best.arrivalNanos())) {
                continue;
            }
            String needed = squeeze(text.substring(b.answer().offset(), show.offset) + show.text);
            if (streamedBy(b, needed, show.nanos)) {
                best = b;
            }
        }
        return best;
    }

    /** Whether the request's answer (after any reasoning) had streamed {@code needed} (squeezed) by {@code nanos}. */
    private static boolean streamedBy(Booking b, String needed, long nanos) {
        if (!squeeze(b.answer().text()).startsWith(needed)) {
            return false;
        }
        var streamed = new StringBuilder();
        for (int i = 0; i < Math.min(b.piecesSent(), b.pieces().size()); i++) {
            streamed.append(b.pieces().get(i));
            String sent = streamed.toString();
            String answer = sent.startsWith(ModelSimulator.REASONING) ? sent.substring(ModelSimulator.REASONING.length())
                    : ModelSimulator.REASONING.startsWith(sent) ? "" : sent;
            if (squeeze(answer).length() >= needed.length()) {
                return b.dueNanos(i + 1) <= nanos;
            }
        }
        return false;
    }

    static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Nearest-rank percentile in ms; a pause without ghost text counts as endless (+∞). */
    static double percentileMs(long[] nanos, int percent) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.stream(nanos).map(n -> n < 0 ? Long.MAX_VALUE : n).sorted().toArray();
        long value = sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
        return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value / 1e6;
    }
}
