package dev.gptoss.ls.actions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
    public List<SyntaxProblem> problems(String languageId, String text) {
        int at = firstUnbalanced(languageId, text);
        if (at < 0) {
            return List.of();
        }
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        return List.of(new SyntaxProblem(at, at, line, "unbalanced bracket or unterminated string"));
    }

    /** Offset of the first bracket or string that does not close, or -1 when everything does. */
    private static int firstUnbalanced(String languageId, String text) {
        boolean python = languageId.equals("python");
        if (!python && !C_LIKE.contains(languageId)) {
            return -1;
        }
        Deque<Integer> open = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (python && c == '#' || !python && text.startsWith("//", i)) {
                i = lineEnd(text, i);
            } else if (!python && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return i;
                }
                i = end + 2;
            } else if (c == '"' || c == '\'' || c == '`' && !python) {
                int end = stringEnd(text, i, python || languageId.equals("java"));
                if (end < 0) {
                    return i;
                }
                i = end;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    open.push(i);
                } else if (c == ')' || c == ']' || c == '}') {
                    if (open.isEmpty() || text.charAt(open.pop()) != matching(c)) {
                        return i;
                    }
                }
                i++;
            }
        }
        return open.isEmpty() ? -1 : open.peek();
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
