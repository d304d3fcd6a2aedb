package dev.gptoss.ls.guard;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret, as data: a name for its placeholder, a regular expression, and the literal
 * hints (lower case) at which a match starts. The redactor finds the hints with {@code indexOf}
 * and tries the expression only there ({@code lookingAt}), so ordinary code costs one fast scan
 * per hint, not a regex pass. A detector without hints (a user's custom pattern) scans the whole
 * text. The secret is the first capturing group that matched, or the whole match when none did:
 * a password assignment keeps its name and quotes, only the value is replaced.
 *
 * @param hints lower-case strings a match starts with; empty means scan everything
 * @param startAfterHint how far after the start of its hint a match starts (the key-block
 *        detector's hint is the line end before it)
 * @param accepts a last check on the value, e.g. that it looks random
 */
public record SecretDetector(String name, Pattern pattern, List<String> hints, int startAfterHint,
                             Predicate<String> accepts) {
    static final String KEY_BLOCK = "key-block";
    private static final int KEY_BLOCK_MIN_LINE = 60;

    public SecretDetector {
        hints = List.copyOf(hints);
    }

    public static SecretDetector of(String name, String regex, String... hints) {
        return new SecretDetector(name, Pattern.compile(regex), List.of(hints), 0, value -> true);
    }

    public SecretDetector accepting(Predicate<String> check) {
        return new SecretDetector(name, pattern, hints, startAfterHint, check);
    }

    public SecretDetector startingAfterHint(int chars) {
        return new SecretDetector(name, pattern, hints, chars, accepts);
    }

    /** A cheap look before the regex: the key-block detector needs a long base64 run at the start. */
    boolean worthTrying(String text, int start) {
        if (!name.equals(KEY_BLOCK)) {
            return true;
        }
        int end = Math.min(text.length(), start + KEY_BLOCK_MIN_LINE);
        if (end - start < KEY_BLOCK_MIN_LINE) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** Start of the secret in a match, and its end; {@code null} when the value is not accepted. */
    int[] secretSpan(Matcher match) {
        int group = 0;
        for (int g = 1; g <= match.groupCount(); g++) {
            if (match.start(g) >= 0) {
                group = g;
                break;
            }
        }
        int start = match.start(group);
        int end = match.end(group);
        if (end <= start || !accepts.test(match.group(group))) {
            return null;
        }
        return new int[] {start, end};
    }

    /** ASCII letters in lower case, every other character kept: same length, so offsets stay valid. */
    static String lowerAscii(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
