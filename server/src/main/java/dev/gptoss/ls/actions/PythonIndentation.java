package dev.gptoss.ls.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's block rules as its tokenizer and parser apply them, which tree-sitter's error recovery
 * lets through: a block header ({@code try:}, {@code def f():}) must be followed by an indented
 * block, a line may only be indented where a block opens, a dedent must return to a level opened
 * before, and a {@code try} block must be followed by {@code except} or {@code finally}.
 * Indentation is read as CPython does: tabs to the next multiple of 8, and compared again with
 * tabs as one column, the two orders having to agree.
 *
 * <p>Only logical lines count: lines inside brackets, after a backslash, inside triple-quoted
 * strings, blank lines and comment-only lines do not.
 */
final class PythonIndentation {
    private static final int TAB_SIZE = 8;
    private static final Pattern TRY = Pattern.compile("try[ \\t]*:");
    private static final Pattern TRY_ENDING = Pattern.compile("(?:except|finally)\\b");

    private final String text;
    private final List<SyntaxProblem> problems = new ArrayList<>();
    /** Open indentation levels, each as {tab-to-8 column, tab-as-1 column}. */
    private final List<int[]> levels = new ArrayList<>();
    private final List<Integer> logicalLines = new ArrayList<>();
    /** Columns of {@code try} statements whose {@code except} or {@code finally} has not come yet. */
    private final List<Integer> tries = new ArrayList<>();
    private int i;
    private int line;
    private int depth;
    private boolean continued;
    private char lastToken;
    private boolean lineHasToken;
    private int headerLine = -1;

    private PythonIndentation(String text) {
        this.text = text;
        levels.add(new int[] {0, 0});
    }

    static List<SyntaxProblem> problems(String text) {
        var scan = new PythonIndentation(text);
        scan.run();
        return scan.problems;
    }

    /** Zero-based numbers of the lines that start a logical line (not blank, a comment, or a continuation). */
    static List<Integer> logicalLines(String text) {
        var scan = new PythonIndentation(text);
        scan.run();
        return scan.logicalLines;
    }

    private void run() {
        boolean lineStart = true;
        boolean joined = false;
        while (i < text.length()) {
            if (lineStart && depth == 0 && !joined) {
                if (!logicalLineStart()) {
                    continue;
                }
            }
            lineStart = false;
            char c = text.charAt(i);
            if (c == '#') {
                skipToLineEnd();
            } else if (c == '"' || c == '\'') {
                string(c);
                token('"');
            } else if (c == '\\' && i + 1 < text.length() && isLineBreak(text.charAt(i + 1))) {
                continued = true;
                i++;
            } else if (isLineBreak(c)) {
                joined = continued;
                lineEnd();
                lineStart = true;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                }
                token(c);
            }
        }
        if (headerLine >= 0) {
            problems.add(new SyntaxProblem(text.length(), text.length(), line,
                    "expected an indented block after line " + (headerLine + 1)));
        }
        if (!tries.isEmpty()) {
            problems.add(new SyntaxProblem(text.length(), text.length(), line, "expected 'except' or 'finally' block"));
        }
    }

    /**
     * At the start of a physical line that starts a logical one: checks its indentation. Returns
     * false after skipping a blank or comment-only line, which has none.
     */
    private boolean logicalLineStart() {
        int col = 0;
        int col1 = 0;
        int j = i;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\f')) {
            char c = text.charAt(j);
            col = c == '\t' ? (col / TAB_SIZE + 1) * TAB_SIZE : c == '\f' ? 0 : col + 1;
            col1 = c == '\f' ? 0 : col1 + 1;
            j++;
        }
        if (j == text.length() || isLineBreak(text.charAt(j)) || text.charAt(j) == '#') {
            i = j;
            skipToLineEnd();
            if (i < text.length()) {
                i += lineBreakLength(i);
                line++;
            }
            return false;
        }
        int lineStartOffset = i;
        i = j;
        logicalLines.add(line);
        int[] top = levels.get(levels.size() - 1);
        if (headerLine >= 0) {
            if (col > top[0]) {
                consistent(col, col1, top, lineStartOffset);
                levels.add(new int[] {col, col1});
            } else {
                problem(lineStartOffset, "expected an indented block after line " + (headerLine + 1));
            }
            headerLine = -1;
        } else if (col > top[0]) {
            problem(lineStartOffset, "unexpected indent");
            levels.add(new int[] {col, col1});
        } else if (col < top[0]) {
            while (levels.size() > 1 && levels.get(levels.size() - 1)[0] > col) {
                levels.remove(levels.size() - 1);
            }
            int[] outer = levels.get(levels.size() - 1);
            if (outer[0] != col) {
                problem(lineStartOffset, "unindent does not match any outer indentation level");
                levels.add(new int[] {col, col1});
            } else {
                consistent(col, col1, outer, lineStartOffset);
            }
        } else {
            consistent(col, col1, top, lineStartOffset);
        }
        tryBlocks(col, j, lineStartOffset);
        return true;
    }

    /** A {@code try} block's end must be an {@code except} or {@code finally} at the {@code try}'s level. */
    private void tryBlocks(int col, int codeStart, int lineStartOffset) {
        while (!tries.isEmpty() && col <= tries.get(tries.size() - 1)) {
            int tryColumn = tries.remove(tries.size() - 1);
            if (col < tryColumn || !TRY_ENDING.matcher(text).region(codeStart, text.length()).lookingAt()) {
                problem(lineStartOffset, "expected 'except' or 'finally' block");
            }
        }
        if (TRY.matcher(text).region(codeStart, text.length()).lookingAt()) {
            tries.add(col);
        }
    }

    /** CPython's TabError: the line compares with the level differently when a tab is one column. */
    private void consistent(int col, int col1, int[] level, int lineStartOffset) {
        if (Integer.signum(col - level[0]) != Integer.signum(col1 - level[1])) {
            problem(lineStartOffset, "inconsistent use of tabs and spaces in indentation");
        }
    }

    private void lineEnd() {
        if (depth == 0 && !continued && lineHasToken) {
            if (lastToken == ':') {
                headerLine = line;
            }
            lineHasToken = false;
        }
        continued = false;
        i += lineBreakLength(i);
        line++;
    }

    private void token(char c) {
        lastToken = c;
        lineHasToken = true;
        if (c != '"') {
            i++;
        }
    }

    /** Moves past a string literal starting at {@code i}, across lines when triple-quoted. */
    private void string(char quote) {
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), i);
        int start = i;
        int startLine = line;
        i += triple ? 3 : 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i++;
                if (isLineBreak(text.charAt(i))) {
                    i += lineBreakLength(i);
                    line++;
                } else {
                    i++;
                }
            } else if (triple && text.startsWith(String.valueOf(quote).repeat(3), i)) {
                i += 3;
                return;
            } else if (!triple && c == quote) {
                i++;
                return;
            } else if (isLineBreak(c)) {
                if (!triple) {
                    problems.add(new SyntaxProblem(start, i, startLine, "unterminated string literal"));
                    return;
                }
                i += lineBreakLength(i);
                line++;
            } else {
                i++;
            }
        }
        problems.add(new SyntaxProblem(start, text.length(), startLine,
                triple ? "unterminated triple-quoted string literal" : "unterminated string literal"));
    }

    private void skipToLineEnd() {
        while (i < text.length() && !isLineBreak(text.charAt(i))) {
            i++;
        }
    }

    private void problem(int lineStartOffset, String message) {
        int end = lineStartOffset;
        while (end < text.length() && !isLineBreak(text.charAt(end))) {
            end++;
        }
        problems.add(new SyntaxProblem(lineStartOffset, end, line, message));
    }

    private int lineBreakLength(int at) {
        return text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n' ? 2 : 1;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
