package dev.gptoss.ls.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where brackets, strings and comments are open in a piece of code, read character by character
 * without a grammar: enough to tell a line that continues an expression (inside brackets, a
 * multi-line string or after a backslash) from one that starts a statement, in Python and the C
 * family alike, and in code that does not parse yet, as code being typed rarely does. A string
 * that is not triple-quoted (or a backtick string) ends at the end of its line, so one stray quote
 * cannot swallow the rest of a file.
 */
final class CodeScan {
    private static final Set<String> HASH_COMMENTS = Set.of("python", "ruby", "shellscript", "perl", "r", "yaml",
            "toml", "makefile", "dockerfile", "elixir", "julia", "nim", "coffeescript", "powershell");
    private static final Set<String> BACKTICK_STRINGS = Set.of("javascript", "javascriptreact", "typescript",
            "typescriptreact", "go");

    /** What is open at the start of each line and at the end of the text. */
    record Result(List<Boolean> lineContinues, int openBrackets, boolean inString) {
        /** Whether the end of the text is inside brackets or a string: a new line there continues an expression. */
        boolean endInsideExpression() {
            return openBrackets > 0 || inString;
        }

        boolean continues(int line) {
            return line < lineContinues.size() && lineContinues.get(line);
        }
    }

    private final boolean hashComments;
    private final boolean slashComments;
    private final boolean tripleQuotes;
    private final boolean backticks;

    private CodeScan(boolean hashComments, boolean tripleQuotes, boolean backticks) {
        this.hashComments = hashComments;
        this.slashComments = !hashComments;
        this.tripleQuotes = tripleQuotes;
        this.backticks = backticks;
    }

    static CodeScan forLanguage(String languageId) {
        return new CodeScan(HASH_COMMENTS.contains(languageId), "python".equals(languageId),
                BACKTICK_STRINGS.contains(languageId));
    }

    /**
     * Scans {@code text}. A prompt's window can start inside a docstring; when reading from the start
     * leaves the end inside a triple-quoted string, the text is read again as if it began inside one,
     * and that reading is taken if it ends outside every string.
     */
    Result scan(String text) {
        Result result = scan(text, null);
        if (result.inString() && tripleQuotes) {
            for (String quote : new String[] {"\"\"\"", "'''"}) {
                Result inside = scan(text, quote);
                if (!inside.inString()) {
                    return inside;
                }
            }
        }
        return result;
    }

    private Result scan(String text, String startingInside) {
        var continues = new ArrayList<Boolean>();
        continues.add(startingInside != null);
        int depth = 0;
        String quote = startingInside;
        boolean lineComment = false;
        boolean blockComment = false;
        boolean backslash = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineComment = false;
                if (quote != null && quote.length() == 1 && !quote.equals("`")) {
                    quote = null;
                }
                continues.add(depth > 0 || quote != null || blockComment || backslash);
                backslash = false;
                continue;
            }
            if (lineComment) {
                continue;
            }
            if (blockComment) {
                if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                    blockComment = false;
                    i++;
                }
                continue;
            }
            if (quote != null) {
                if (c == '\\') {
                    i = i + 1 < text.length() && text.charAt(i + 1) != '\n' ? i + 1 : i;
                } else if (text.startsWith(quote, i)) {
                    i += quote.length() - 1;
                    quote = null;
                }
                continue;
            }
            backslash = c == '\\' && (i + 1 == text.length() || text.charAt(i + 1) == '\n');
            if (hashComments && c == '#') {
                lineComment = true;
            } else if (slashComments && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                lineComment = true;
            } else if (slashComments && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                blockComment = true;
                i++;
            } else if (c == '"' || c == '\'' || c == '`' && backticks) {
                String triple = String.valueOf(c).repeat(3);
                quote = tripleQuotes && text.startsWith(triple, i) ? triple : String.valueOf(c);
                i += quote.length() - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return new Result(List.copyOf(continues), depth, quote != null || blockComment);
    }
}
