package dev.gptoss.bench;

import java.util.SplittableRandom;

/**
 * The seeded person at the keyboard. Each interval between keys is drawn from a log-normal
 * distribution around 190 ms (inter-key intervals of everyday typing are log-normal-like and
 * centre near 200 ms: Dhakal et al., "Observations on Typing from 136 Million Keystrokes",
 * CHI 2018), with longer pauses after a line end (thinking about the next line) and after
 * punctuation, and a 3% chance of a long pause of 1.5–4 s. Enter brings the next line's
 * indentation with it, as an editor's auto-indent does. The draws depend only on the seed, the
 * file and the offset, so every server sees the same person at the same place in the text.
 */
final class Typist {
    /** A gap between keys at least this long is a pause, where a person can take a suggestion. */
    static final long PAUSE_NANOS = 500_000_000L;
    /** Moving to the next region to type (not a pause: no request is made while the cursor moves). */
    static final long NAVIGATION_NANOS = 2_000_000_000L;
    private static final String PUNCTUATION = "([{,.:;=)]}";

    private final long seed;

    Typist(long seed) {
        this.seed = seed;
    }

    /** The key typed at {@code offset}: one character, or a line end with the next line's indentation. */
    static String keyAt(String text, int offset) {
        char c = text.charAt(offset);
        if (c == '\n') {
            int end = offset + 1;
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                end++;
            }
            return text.substring(offset, end);
        }
        return Character.isHighSurrogate(c) && offset + 1 < text.length() ? text.substring(offset, offset + 2)
                : String.valueOf(c);
    }

    /** How long after the previous key (or accepted suggestion) the key at {@code offset} is typed. */
    long intervalNanos(String file, String text, int offset) {
        SplittableRandom random = random(file, offset, 1);
        double ms = logNormal(random, 190, 0.35);
        if (afterLineEnd(text, offset)) {
            ms += logNormal(random, 900, 0.5);
        } else if (offset > 0 && PUNCTUATION.indexOf(text.charAt(offset - 1)) >= 0) {
            ms += logNormal(random, 150, 0.5);
        }
        if (random.nextDouble() < 0.03) {
            ms += 1500 + 2500 * random.nextDouble();
        }
        return Math.round(ms * 1e6);
    }

    /** How long after a suggestion appears the person has read it and decides (Tab, or typing on). */
    long reactionNanos(String file, int offset) {
        return Math.round(logNormal(random(file, offset, 2), 400, 0.3) * 1e6);
    }

    private static boolean afterLineEnd(String text, int offset) {
        int i = offset - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i >= 0 && text.charAt(i) == '\n';
    }

    private SplittableRandom random(String file, int offset, int purpose) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (long) file.hashCode() << 20 ^ offset * 31L + purpose);
    }

    private static double logNormal(SplittableRandom random, double medianMs, double sigma) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        double normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return medianMs * Math.exp(sigma * normal);
    }
}
