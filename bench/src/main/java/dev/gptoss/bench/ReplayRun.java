package dev.gptoss.bench;

import java.util.ArrayList;
import java.util.List;

/** What one replay did and saw, as the editor knows it (the model server's books are kept apart). */
final class ReplayRun {
    /** A suggestion that became visible: when, where (in the file's own offsets) and what. */
    static final class Show {
        final long nanos;
        final String file;
        final int offset;
        final String text;
        int acceptedChars;

        Show(long nanos, String file, int offset, String text) {
            this.nanos = nanos;
            this.file = file;
            this.offset = offset;
            this.text = text;
        }

        boolean accepted() {
            return acceptedChars > 0;
        }
    }

    final String variant;
    final List<Show> shows = new ArrayList<>();
    /** Per pause: nanoseconds from its start to ghost text, 0 if ghost text was already there, -1 if none came. */
    final List<Long> pauseToGhost = new ArrayList<>();
    /** Per pause, how long it lasted (until the next key or Tab), in nanoseconds. */
    final List<Long> pauseLengths = new ArrayList<>();
    long startNanos;
    long endNanos;
    int keys;
    int typedChars;
    int accepts;
    int acceptedChars;
    long residentKiB;

    ReplayRun(String variant) {
        this.variant = variant;
    }

    double minutes() {
        return (endNanos - startNanos) / 60e9;
    }

    /** Characters that came from accepted suggestions, over all characters that went into the text. */
    double acceptedShare() {
        int all = typedChars + acceptedChars;
        return all == 0 ? 0 : (double) acceptedChars / all;
    }
}
