package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.CodeText;
import dev.gptoss.ls.context.CursorContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The block structure around a blank line, read from indentation: the blocks open at the statement
 * before it (their columns and headers), whether that statement opens a block whose body is not
 * there yet, the statements after the line, and the function the cursor is in. Lines inside
 * brackets and strings are not statements and are skipped, so a docstring or a call spread over
 * lines does not mislead it.
 */
final class IndentFrame {
    private static final Pattern PYTHON_FUNCTION = Pattern.compile("^(async\\s+def|def)\\s.*");
    private static final Pattern PYTHON_CLASS = Pattern.compile("^class\\s.*");
    /** Python clauses that go on the statement at their column, which must be an {@code if}, a {@code try}... */
    private static final Pattern PYTHON_CLAUSE = Pattern.compile("^(elif\\b|else\\s*:|except\\b|finally\\s*:).*");
    /** What may stand right before each clause at its column: elif after if/elif; else also after a loop or except; ... */
    private static final Pattern ELIF_OWNER = Pattern.compile("^(if|elif)\\b.*");
    private static final Pattern ELSE_OWNER = Pattern.compile("^(if|elif|for|async\\s+for|while|except)\\b.*");
    private static final Pattern EXCEPT_OWNER = Pattern.compile("^(try|except)\\b.*");
    private static final Pattern FINALLY_OWNER = Pattern.compile("^(try|except|else)\\b.*");
    /** Python statements that only make sense inside a function, and inside a loop. */
    private static final Pattern PYTHON_FUNCTION_ONLY = Pattern.compile("^(return|yield|nonlocal)\\b.*");
    private static final Pattern PYTHON_LOOP_ONLY = Pattern.compile("^(break|continue)\\b.*");
    private static final Pattern PYTHON_LOOP = Pattern.compile("^(async\\s+)?(for|while)\\b.*");

    /** A statement: its column and its text (stripped). */
    record Statement(int column, String text) {
    }

    final String languageId;
    final boolean python;
    /** Width of the whitespace typed before the cursor. */
    final int typed;
    /** The statement before the cursor's line and the headers of the blocks around it, innermost first. */
    final List<Statement> open;
    /** The statement before the cursor ends by opening a block whose body is not there yet. */
    final boolean previousOpensBlock;
    /** The statements after the cursor's line, in order. */
    final List<Statement> following;
    /** Column of the function (Python) the code around the cursor belongs to, or -1 at module level. */
    final int function;
    final boolean tabs;
    private final boolean[] continues;
    /** The file's next lines are read as statements: the answer and the file around it close their brackets. */
    final boolean followingInPlace;
    /** The file's indentation step, in columns. */
    final int unitWidth;

    private IndentFrame(String languageId, int typed, List<Statement> open, boolean previousOpensBlock,
                        List<Statement> following, int function, boolean tabs, boolean[] continues,
                        boolean followingInPlace, int unitWidth) {
        this.continues = continues;
        this.unitWidth = unitWidth;
        this.followingInPlace = followingInPlace;
        this.languageId = languageId;
        this.python = "python".equals(languageId);
        this.typed = typed;
        this.open = List.copyOf(open);
        this.previousOpensBlock = previousOpensBlock;
        this.following = List.copyOf(following);
        this.function = function;
        this.tabs = tabs;
    }

    /**
     * The frame around the cursor of {@code context} with {@code answer} on the cursor's line: the
     * answer's brackets decide which of the file's next lines are statements.
     */
    static IndentFrame around(CursorContext context, List<String> answer) {
        String[] before = CodeText.lines(context.prefix());
        String[] after = CodeText.lines(context.suffix());
        String rest = String.join("\n", java.util.Arrays.asList(after).subList(1, after.length));
        var scan = CodeScan.forLanguage(context.languageId())
                .scan(context.prefix() + String.join("\n", answer) + "\n" + rest);
        int answerStart = before.length - 1;
        int restStart = answerStart + answer.size();
        boolean python = "python".equals(context.languageId());
        var open = new ArrayList<Statement>();
        boolean opens = false;
        boolean tabs = context.linePrefix().contains("\t");
        int last = before.length - 2;
        while (last >= 0 && before[last].isBlank()) {
            last--;
        }
        if (last >= 0) {
            int start = last;
            while (start > 0 && scan.continues(start)) {
                start--;
            }
            opens = CodeText.opensBlock(withoutComment(before[last], python));
            int deepest = CodeText.indentWidth(before[start]) + 1;
            for (int i = start; i >= 0 && deepest > 0; i--) {
                if (before[i].isBlank() || i < start && scan.continues(i)) {
                    continue;
                }
                tabs |= before[i].startsWith("\t");
                int width = CodeText.indentWidth(before[i]);
                if (width < deepest) {
                    deepest = width;
                    open.add(new Statement(width, before[i].strip()));
                }
            }
        }
        var following = new ArrayList<Statement>();
        for (int i = 1; i < after.length; i++) {
            if (!after[i].isBlank() && !scan.continues(restStart + i - 1)) {
                following.add(new Statement(CodeText.indentWidth(after[i]), after[i].strip()));
            }
        }
        int function = -1;
        if (python) {
            for (int i = open.size() - 1; i >= 0; i--) {
                boolean header = i > 0 || opens;
                if (header && PYTHON_FUNCTION.matcher(open.get(i).text()).matches()) {
                    function = open.get(i).column();
                    break;
                }
            }
            if (function < 0) {
                function = open.stream().skip(opens ? 0 : 1).filter(s -> PYTHON_CLASS.matcher(s.text()).matches())
                        .mapToInt(Statement::column).max().orElse(-1);
            }
        }
        int unit = unitWidth(before, scan, answerStart);
        var continues = new boolean[answer.size()];
        for (int i = 0; i < answer.size(); i++) {
            continues[i] = scan.continues(answerStart + i);
        }
        return new IndentFrame(context.languageId(), CodeText.indentWidth(context.linePrefix()), open, opens,
                following, function, tabs, continues, !scan.endInsideExpression(), unit);
    }

    /** The file's indentation step: the rise seen most often from one statement to the next, four if none. */
    private static int unitWidth(String[] lines, CodeScan.Result scan, int count) {
        var rises = new java.util.HashMap<Integer, Integer>();
        int previous = -1;
        for (int i = 0; i < count; i++) {
            if (lines[i].isBlank() || scan.continues(i)) {
                continue;
            }
            int width = CodeText.indentWidth(lines[i]);
            if (previous >= 0 && width > previous) {
                rises.merge(width - previous, 1, Integer::sum);
            }
            previous = width;
        }
        return rises.entrySet().stream().max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(java.util.Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(java.util.Map.Entry::getKey).orElse(4);
    }

    /** Whether line {@code i} of the answer continues an expression (inside brackets or a string). */
    boolean continues(int i) {
        return continues[i];
    }

    /** Indentation of the statement before the cursor's line, or -1 if there is none in view. */
    int previous() {
        return open.isEmpty() ? -1 : open.get(0).column();
    }

    /**
     * The columns a relative answer could be placed at, most likely first: a block's body, the next
     * statement's column, then the columns of the blocks around the cursor from the outermost.
     */
    List<Integer> candidateColumns() {
        var columns = new ArrayList<Integer>();
        if (previousOpensBlock) {
            columns.add(previous() + unitWidth);
        }
        if (!following.isEmpty()) {
            columns.add(following.get(0).column());
        }
        open.stream().map(Statement::column).sorted(Comparator.naturalOrder()).forEach(columns::add);
        return columns;
    }

    /**
     * Whether code at {@code column} would leave the function the cursor is in: the next statement
     * is inside it, or the code is a statement only a function can hold.
     */
    boolean leavesFunction(int column, String statement) {
        if (function < 0 || column > function) {
            return false;
        }
        boolean nextInside = !following.isEmpty() && following.get(0).column() > function;
        return nextInside || PYTHON_FUNCTION_ONLY.matcher(statement).matches();
    }

    /**
     * Whether {@code statement}, in the blocks {@code around} it (outermost first), is one Python
     * only allows in a function ({@code return}) or a loop ({@code break}) and none is around it.
     */
    boolean outOfPlace(Statement statement, List<Statement> around) {
        if (!python) {
            return false;
        }
        if (PYTHON_FUNCTION_ONLY.matcher(statement.text()).matches()) {
            return around.stream().noneMatch(s -> s.column() < statement.column()
                    && PYTHON_FUNCTION.matcher(s.text()).matches());
        }
        if (PYTHON_LOOP_ONLY.matcher(statement.text()).matches()) {
            return around.stream().noneMatch(s -> s.column() < statement.column()
                    && PYTHON_LOOP.matcher(s.text()).matches());
        }
        return false;
    }

    /** Whether {@code statement} is a clause (else, except...) that needs an owner at its column among {@code blocks}. */
    boolean clauseWithoutOwner(Statement statement, List<Statement> blocks) {
        if (!python || !PYTHON_CLAUSE.matcher(statement.text()).matches()) {
            return false;
        }
        String clause = statement.text();
        Pattern owner = clause.startsWith("elif") ? ELIF_OWNER : clause.startsWith("else") ? ELSE_OWNER
                : clause.startsWith("except") ? EXCEPT_OWNER : FINALLY_OWNER;
        return blocks.stream().noneMatch(b -> b.column() == statement.column() && owner.matcher(b.text()).matches());
    }

    /** The indentation to write for {@code width} columns, in the file's style. */
    String indentation(int width) {
        return tabs ? "\t".repeat(width / 4) + " ".repeat(width % 4) : " ".repeat(width);
    }

    /** A line's code without a trailing {@code #} comment (Python) so that "if x:  # why" still opens a block. */
    static String withoutComment(String line, boolean python) {
        if (!python) {
            return line;
        }
        int hash = line.indexOf('#');
        return hash < 0 || line.substring(0, hash).chars().filter(c -> c == '"' || c == '\'').count() % 2 != 0
                ? line : line.substring(0, hash);
    }
}
