package dev.gptoss.ls.guard;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret, as data: a name for its placeholder, a regular expression, the literal
 * hints without which the expression cannot match (checked with {@code indexOf} on the lower-cased
 * text first, so most detectors never run a regex on ordinary code), and a last check on the value.
 * The secret is the first capturing group that matched, or the whole match when none did: a
 * password assignment keeps its name and quotes, only the value is replaced.
 *
 * @param hints lower-case strings, one of which every match contains; empty means always run
 */
public record SecretDetector(String name, Pattern pattern, List<String> hints, Predicate<String> accepts) {

    public SecretDetector {
        hints = List.copyOf(hints);
    }

    public static SecretDetector of(String name, String regex, String... hints) {
        return new SecretDetector(name, Pattern.compile(regex), List.of(hints), value -> true);
    }

    public SecretDetector accepting(Predicate<String> check) {
        return new SecretDetector(name, pattern, hints, check);
    }

    /** Whether the expression may match: true when a hint occurs in {@code lowerCased}. */
    boolean mayMatch(String lowerCased) {
        if (hints.isEmpty()) {
            return true;
        }
        for (String hint : hints) {
            if (lowerCased.contains(hint)) {
                return true;
            }
        }
        return false;
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

    static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
