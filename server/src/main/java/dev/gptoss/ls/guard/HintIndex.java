package dev.gptoss.ls.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every detector's hints, found in one pass over the text instead of one {@code indexOf} per hint:
 * a table by the first two characters (ASCII, case folded) says which hints may start at a place.
 * Most character pairs of code start no hint, so a prompt costs about one table read per character.
 */
final class HintIndex {
    private record Hint(int detector, String text, int startAfterHint) {
    }

    private final int detectors;
    private final Hint[][] byFirstChar = new Hint[128][];
    private final Hint[][] byFirstTwo = new Hint[128 * 128][];
    private final boolean[] atTextStart;

    HintIndex(List<SecretDetector> all) {
        detectors = all.size();
        atTextStart = new boolean[detectors];
        var one = new ArrayList<List<Hint>>();
        var two = new ArrayList<List<Hint>>();
        for (int i = 0; i < 128; i++) {
            one.add(new ArrayList<>());
        }
        for (int i = 0; i < 128 * 128; i++) {
            two.add(null);
        }
        for (int d = 0; d < detectors; d++) {
            SecretDetector detector = all.get(d);
            atTextStart[d] = detector.startAfterHint() > 0;
            for (String hint : detector.hints()) {
                var entry = new Hint(d, hint, detector.startAfterHint());
                char c0 = hint.charAt(0);
                if (c0 >= 128) {
                    throw new IllegalArgumentException("Hints start with an ASCII character: " + hint);
                }
                if (hint.length() == 1 || hint.charAt(1) >= 128) {
                    one.get(c0).add(entry);
                } else {
                    int key = c0 * 128 + hint.charAt(1);
                    if (two.get(key) == null) {
                        two.set(key, new ArrayList<>());
                    }
                    two.get(key).add(entry);
                }
            }
        }
        for (int i = 0; i < 128; i++) {
            byFirstChar[i] = one.get(i).isEmpty() ? null : one.get(i).toArray(new Hint[0]);
        }
        for (int i = 0; i < 128 * 128; i++) {
            byFirstTwo[i] = two.get(i) == null ? null : two.get(i).toArray(new Hint[0]);
        }
    }

    /** For each detector, the sorted places where a match may start (null when there is none). */
    int[][] starts(String text) {
        int[][] starts = new int[detectors][];
        int[] counts = new int[detectors];
        for (int d = 0; d < detectors; d++) {
            if (atTextStart[d]) {
                add(starts, counts, d, 0);
            }
        }
        int n = text.length();
        char c1 = n > 0 ? fold(text.charAt(0)) : 0;
        for (int i = 0; i < n; i++) {
            char c0 = c1;
            c1 = i + 1 < n ? fold(text.charAt(i + 1)) : 0;
            if (c0 >= 128) {
                continue;
            }
            Hint[] single = byFirstChar[c0];
            if (single != null) {
                for (Hint hint : single) {
                    if (matchesAt(text, i, hint.text)) {
                        add(starts, counts, hint.detector, i + hint.startAfterHint);
                    }
                }
            }
            if (c1 < 128) {
                Hint[] pair = byFirstTwo[c0 * 128 + c1];
                if (pair != null) {
                    for (Hint hint : pair) {
                        if (matchesAt(text, i, hint.text)) {
                            add(starts, counts, hint.detector, i + hint.startAfterHint);
                        }
                    }
                }
            }
        }
        for (int d = 0; d < detectors; d++) {
            if (starts[d] != null) {
                starts[d] = Arrays.copyOf(starts[d], counts[d]);
                Arrays.sort(starts[d]);
            }
        }
        return starts;
    }

    private static void add(int[][] starts, int[] counts, int detector, int start) {
        int[] list = starts[detector];
        if (list == null) {
            list = starts[detector] = new int[8];
        } else if (counts[detector] == list.length) {
            list = starts[detector] = Arrays.copyOf(list, list.length * 2);
        }
        list[counts[detector]++] = start;
    }

    private static boolean matchesAt(String text, int at, String lowerHint) {
        if (at + lowerHint.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lowerHint.length(); k++) {
            if (fold(text.charAt(at + k)) != lowerHint.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
