package dev.gptoss.ls.actions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The check for languages the server has no tree-sitter grammar for: brackets must balance outside
 * strings and comments. It catches the usual broken model edit (a cut-off block, a stray brace),
 * not every syntax error. Languages it does not know always pass.
 */
public final class BracketBalanceCheck implements SyntaxCheck {
    private static final Set<String> C_LIKE = Set.of("java", "javascript", "typescript", "javascriptreact",
            "typescriptreact", "go", "c", "cpp", "csharp", "kotlin");

    @Override
    public boolean parses(String languageId, String text) {
        boolean python = languageId.equals("python");
        if (!python && !C_LIKE.contains(languageId)) {
            return true;
        }
        Deque<Character> open = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (python && c == '#' || !python && text.startsWith("//", i)) {
                i = lineEnd(text, i);
            } else if (!python && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else if (c == '"' || c == '\'' || c == '`' && !python) {
                i = stringEnd(text, i, python || languageId.equals("java"));
                if (i < 0) {
                    return false;
                }
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    open.push(c);
                } else if (c == ')' || c == ']' || c == '}') {
                    if (open.isEmpty() || open.pop() != matching(c)) {
                        return false;
                    }
                }
                i++;
            }
        }
        return open.isEmpty();
    }

    /** Index after the string starting at {@code start}, or -1 when it never ends. */
    private static int stringEnd(String text, int start, boolean tripleQuotes) {
        char quote = text.charAt(start);
        String triple = String.valueOf(quote).repeat(3);
        if (tripleQuotes && text.startsWith(triple, start)) {
            int end = text.indexOf(triple, start + 3);
            return end < 0 ? -1 : end + 3;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if ((c == '\n' || c == '\r') && quote != '`') {
                return -1;
            }
        }
        return -1;
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static char matching(char close) {
        return close == ')' ? '(' : close == ']' ? '[' : '{';
    }
}
