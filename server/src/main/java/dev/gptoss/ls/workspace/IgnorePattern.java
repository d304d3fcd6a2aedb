package dev.gptoss.ls.workspace;

import dev.gptoss.ls.guard.ReadBudget;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a {@code .gitignore}, compiled: {@code *}, {@code ?}, {@code [a-z]}, {@code **} as a
 * whole path segment, a trailing {@code /} for directories only, {@code !} to re-include, {@code \}
 * to escape. A pattern with a {@code /} before its end is matched against the path from the
 * directory of its file; one without is matched against a name at any depth.
 *
 * @param byName whether the pattern is matched against the last name of a path rather than the path
 */
record IgnorePattern(Pattern regex, boolean negated, boolean directoryOnly, boolean byName) {

    /** Characters a match may read before it is given up; hostile patterns backtrack without end. */
    private static final int MATCH_BUDGET = 200_000;

    /**
     * Whether the pattern matches. A match that runs out of budget counts as the verdict that shows
     * less: a pattern that excludes matches, one that re-includes does not.
     */
    boolean matches(String pathFromBase, String name, boolean directory) {
        if (directoryOnly && !directory) {
            return false;
        }
        try {
            return regex.matcher(new ReadBudget(byName ? name : pathFromBase, MATCH_BUDGET)).matches();
        } catch (ReadBudget.Exhausted e) {
            return !negated;
        }
    }

    /** The pattern of one line, or empty for a blank line or a comment. */
    static Optional<IgnorePattern> compile(String line) {
        String p = withoutTrailingSpaces(line);
        if (p.isEmpty() || p.startsWith("#")) {
            return Optional.empty();
        }
        boolean negated = p.startsWith("!");
        if (negated) {
            p = p.substring(1);
        }
        boolean directoryOnly = p.endsWith("/");
        if (directoryOnly) {
            p = p.substring(0, p.length() - 1);
        }
        boolean byName = !p.contains("/");
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IgnorePattern(Pattern.compile(toRegex(p)), negated, directoryOnly, byName));
    }

    private static String withoutTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String toRegex(String glob) {
        var out = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < n) {
                literal(out, glob.charAt(++i));
            } else if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*' && (i == 0 || glob.charAt(i - 1) == '/')
                    && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                // "**" as a whole segment: "**/" is any number of directories, a final "**" anything.
                boolean last = i + 2 == n;
                out.append(last ? ".*" : "(?:.*/)?");
                i += last ? 1 : 2;
            } else if (c == '*') {
                out.append("[^/]*");
                while (i + 1 < n && glob.charAt(i + 1) == '*') {
                    i++;
                }
            } else if (c == '?') {
                out.append("[^/]");
            } else if (c == '[' && classEnd(glob, i) > 0) {
                int end = classEnd(glob, i);
                appendClass(out, glob.substring(i + 1, end));
                i = end;
            } else {
                literal(out, c);
            }
        }
        return out.toString();
    }

    /** The index of the {@code ]} closing a bracket expression at {@code start}, or -1. */
    private static int classEnd(String glob, int start) {
        int i = start + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++;
        }
        for (; i < glob.length(); i++) {
            if (glob.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static void appendClass(StringBuilder out, String body) {
        boolean negated = body.startsWith("!") || body.startsWith("^");
        out.append(negated ? "[^/" : "[");
        for (int i = negated ? 1 : 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' || c == '[' || c == ']' || c == '&' || c == '^') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append(']');
    }

    private static void literal(StringBuilder out, char c) {
        if ("\\.[]{}()*+-?^$|".indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }
}
