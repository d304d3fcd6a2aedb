package dev.gptoss.ls.eval;

/**
 * The text a TextMate/LSP snippet inserts before the user edits any placeholder: tab stops vanish,
 * placeholders and variables with a default leave it, a choice leaves its first option, and
 * {@code \$}, {@code \}} and {@code \\} are the characters themselves.
 *
 * @param onlyText whether the snippet has no tab stop, placeholder, choice or variable
 */
public record SnippetText(String text, boolean onlyText) {

    public static SnippetText parse(String snippet) {
        var parser = new Parser(snippet);
        String text = parser.until(-1);
        return new SnippetText(text, !parser.sawMarker);
    }

    private static final class Parser {
        private final String in;
        private int at;
        private boolean sawMarker;

        Parser(String in) {
            this.in = in;
        }

        /** Reads up to the unescaped {@code stop} character (or the end), leaving {@code at} on it. */
        String until(int stop) {
            var out = new StringBuilder();
            while (at < in.length() && in.charAt(at) != stop) {
                char c = in.charAt(at);
                if (c == '\\' && at + 1 < in.length() && "$}\\,|".indexOf(in.charAt(at + 1)) >= 0) {
                    out.append(in.charAt(at + 1));
                    at += 2;
                } else if (c == '$' && at + 1 < in.length()) {
                    out.append(marker());
                } else {
                    out.append(c);
                    at++;
                }
            }
            return out.toString();
        }

        private String marker() {
            int start = at;
            at++;
            char next = in.charAt(at);
            if (Character.isDigit(next) || isNameStart(next)) {
                name();
                sawMarker = true;
                return "";
            }
            if (next != '{') {
                return "$";
            }
            at++;
            String name = name();
            if (name.isEmpty()) {
                at = start + 1;
                return "$";
            }
            sawMarker = true;
            if (at < in.length() && in.charAt(at) == ':') {
                at++;
                String value = until('}');
                at++;
                return value;
            }
            if (at < in.length() && in.charAt(at) == '|') {
                at++;
                String choices = until('|');
                at += 2;
                int comma = choices.indexOf(',');
                return comma < 0 ? choices : choices.substring(0, comma);
            }
            at++;
            return "";
        }

        private String name() {
            int start = at;
            while (at < in.length() && (Character.isLetterOrDigit(in.charAt(at)) || in.charAt(at) == '_')) {
                at++;
            }
            return in.substring(start, at);
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }
    }
}
