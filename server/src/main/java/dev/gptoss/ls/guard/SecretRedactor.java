package dev.gptoss.ls.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Replaces secrets in text that is about to leave for a model with placeholders such as
 * {@code <redacted:github-token:1>}: the model still sees that a value is there, never the value.
 * The same secret gets the same placeholder everywhere in one prompt. Cost is linear in the text:
 * detectors whose hints are absent are skipped, the others are one regex pass each.
 */
public final class SecretRedactor {
    public static final String PLACEHOLDER_START = "<redacted:";

    /** For patterns without hints (users' own): far above what a sane regex reads, far below a runaway one. */
    private static final long READS_PER_CHAR = 1000;
    private static final long MIN_READS = 1_000_000;

    private final List<SecretDetector> detectors;
    private final HintIndex hints;
    private final boolean enabled;

    public SecretRedactor(List<SecretDetector> detectors, boolean enabled) {
        this.detectors = List.copyOf(detectors);
        this.hints = new HintIndex(this.detectors);
        this.enabled = enabled;
    }

    public static SecretRedactor standard() {
        return new SecretRedactor(SecretDetectors.builtIn(), true);
    }

    public Redacted redact(String text) {
        return redact(text, Redacted.NONE);
    }

    /**
     * Redacts another text of the same prompt: secrets seen in {@code before} keep their
     * placeholders, new ones are numbered after them.
     */
    public Redacted redact(String text, Redacted before) throws UnredactableTextException {
        return redact(text, before, null);
    }

    /**
     * Redacts a prompt whose cursor is shown by {@code marker}: secrets are looked for in the text
     * without it, so a token the cursor sits inside is still one token, and the marker goes after
     * its placeholder.
     */
    public Redacted redact(String text, Redacted before, String marker) throws UnredactableTextException {
        if (!enabled || text == null || text.isEmpty()) {
            return new Redacted(text == null ? "" : text, before.secrets());
        }
        int cursor = marker == null ? -1 : text.indexOf(marker);
        String scanned = cursor < 0 ? text : text.substring(0, cursor) + text.substring(cursor + marker.length());
        List<Found> found = find(scanned);
        if (found.isEmpty()) {
            return new Redacted(text, before.secrets());
        }
        Map<String, String> secrets = new LinkedHashMap<>(before.secrets());
        var out = new StringBuilder(text.length());
        int copied = 0;
        boolean markerWritten = cursor < 0;
        for (Found secret : found) {
            String value = scanned.substring(secret.start, secret.end);
            String placeholder = secrets.computeIfAbsent(value,
                    v -> PLACEHOLDER_START + secret.detector + ":" + (secrets.size() + 1) + ">");
            if (!markerWritten && cursor <= secret.start) {
                out.append(scanned, copied, cursor).append(marker);
                copied = cursor;
                markerWritten = true;
            }
            out.append(scanned, copied, secret.start).append(placeholder);
            copied = secret.end;
            if (!markerWritten && cursor < secret.end) {
                out.append(marker);
                markerWritten = true;
            }
        }
        if (!markerWritten) {
            out.append(scanned, copied, cursor).append(marker);
            copied = cursor;
        }
        out.append(scanned, copied, scanned.length());
        return new Redacted(out.toString(), secrets);
    }

    /**
     * Whether a suggestion would put a secret of the prompt back into the code, or a placeholder
     * (which the model can only have copied from the prompt): such a suggestion is dropped.
     */
    public static boolean containsSecret(String suggestion, Redacted prompt) {
        if (suggestion.contains(PLACEHOLDER_START)) {
            return true;
        }
        for (String secret : prompt.secrets().keySet()) {
            if (suggestion.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    /** Secrets in the text, in order, without overlaps: at one place the longest, then the more specific one wins. */
    private List<Found> find(String text) {
        int[][] starts = hints.starts(text);
        var all = new ArrayList<Found>();
        for (int d = 0; d < detectors.size(); d++) {
            SecretDetector detector = detectors.get(d);
            if (detector.hints().isEmpty()) {
                scanAll(text, detector, d, all);
            } else if (starts[d] != null) {
                tryAt(text, starts[d], detector, d, all);
            }
        }
        if (all.size() > 1) {
            all.sort(Comparator.comparingInt((Found f) -> f.start).thenComparingInt(f -> -f.end)
                    .thenComparingInt(f -> f.order));
        }
        var kept = new ArrayList<Found>(all.size());
        int end = 0;
        for (Found f : all) {
            if (f.start >= end) {
                kept.add(f);
                end = f.end;
            } else if (f.end > end) {
                // Overlapping the previous secret and running past it: widen that one instead of leaking the tail.
                Found last = kept.remove(kept.size() - 1);
                kept.add(new Found(last.start, f.end, last.order, last.detector));
                end = f.end;
            }
        }
        return kept;
    }

    /** Tries the expression only where one of its hints occurs: one attempt per occurrence, no scanning. */
    private static void tryAt(String text, int[] starts, SecretDetector detector, int order, List<Found> out) {
        Matcher match = detector.pattern().matcher(text);
        match.useTransparentBounds(true).useAnchoringBounds(false);
        int searchedTo = 0;
        for (int start : starts) {
            if (start < searchedTo || start > text.length() || !detector.worthTrying(text, start)) {
                continue;
            }
            match.region(start, text.length());
            if (match.lookingAt()) {
                int[] span = detector.secretSpan(match);
                if (span != null) {
                    out.add(new Found(span[0], span[1], order, detector.name()));
                    searchedTo = match.end();
                }
            }
        }
    }

    /** A detector without hints (a user's pattern) scans everything, within a read budget. */
    private static void scanAll(String text, SecretDetector detector, int order, List<Found> out) {
        Matcher match = detector.pattern().matcher(new ReadBudget(text, READS_PER_CHAR * text.length() + MIN_READS));
        try {
            while (match.find()) {
                int[] span = detector.secretSpan(match);
                if (span != null) {
                    out.add(new Found(span[0], span[1], order, detector.name()));
                }
            }
        } catch (ReadBudget.Exhausted e) {
            throw new UnredactableTextException(detector.name());
        }
    }

    private record Found(int start, int end, int order, String detector) {
    }
}
