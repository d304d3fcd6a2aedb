package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.CodeText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Puts a model's lines at the columns it meant on a blank line. Models indent an answer in several
 * ways: the first line bare (the cursor already has its indentation) and the rest at the file's
 * columns; everything at the file's columns, typed indentation included; or as a snippet of its own,
 * indented from zero. Each reading gives every line a column. The one taken is the one whose lines,
 * and the file's lines after them, keep a consistent block structure (no statement indented without
 * a block to open, no dedent to a column no open block has, no {@code else} without its {@code if},
 * nothing leaving the function the cursor is in); the first reading wins a tie.
 */
final class IndentPlacement {
    /** A reading: the first line goes at {@code first}, every later line moves by {@code shift}. */
    record Reading(int first, int shift) {
    }

    /** A statement where none can stand weighs more than any number of oddly deep blocks in an answer. */
    private static final int MISFIT = 1000;

    private final IndentFrame frame;

    /** @param frame the frame around the cursor with the answer in it */
    IndentPlacement(IndentFrame frame) {
        this.frame = frame;
    }

    /** The column of each line (-1 for blank lines) in the reading that fits best. */
    int[] columns(List<String> lines) {
        int first = firstNonBlank(lines);
        if (first < 0) {
            return new int[lines.size()];
        }
        int own = CodeText.indentWidth(lines.get(first));
        int typed = frame.typed;
        int asWritten = Math.max(typed, own);
        var readings = new LinkedHashSet<Reading>();
        readings.add(new Reading(asWritten, 0));
        readings.add(new Reading(typed, typed - own));
        readings.add(new Reading(asWritten, own));
        readings.add(new Reading(typed + own, typed));
        for (int column : frame.candidateColumns()) {
            if (column >= typed) {
                readings.add(new Reading(column, column - own));
            }
            readings.add(new Reading(asWritten, column));
        }
        int[] best = null;
        int fewest = Integer.MAX_VALUE;
        for (Reading reading : readings) {
            int[] columns = place(lines, first, reading);
            if (columns == null) {
                continue;
            }
            int misfits = misfits(lines, columns);
            if (misfits < fewest) {
                fewest = misfits;
                best = columns;
            }
        }
        return best != null ? best : place(lines, first, new Reading(typed, Math.max(0, typed - own)));
    }

    private static int[] place(List<String> lines, int first, Reading reading) {
        int[] columns = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank() || i < first) {
                columns[i] = -1;
            } else {
                columns[i] = i == first ? reading.first() : CodeText.indentWidth(lines.get(i)) + reading.shift();
                if (columns[i] < 0) {
                    return null;
                }
            }
        }
        return columns;
    }

    /**
     * How badly the answer at {@code columns} fits: {@link #MISFIT} for each statement, of the answer
     * and of the file after it, that would stand where the block structure says none can or where it
     * could never run (after a {@code return} in its block); one for each block the answer opens with
     * its body more than one indentation step in, each line inside brackets left of the statement it
     * belongs to, and each line that leaves the function the answer started in (it will be cut).
     */
    private int misfits(List<String> lines, int[] columns) {
        var blocks = new Blocks(frame);
        int misfits = 0;
        int first = columns[firstNonBlank(lines)];
        int statementColumn = frame.previous();
        for (int i = 0; i < lines.size(); i++) {
            if (columns[i] < 0) {
                continue;
            }
            if (frame.continues(i)) {
                misfits += insideItsStatement(lines.get(i), columns[i], statementColumn) ? 0 : 1;
                continue;
            }
            statementColumn = columns[i];
            var statement = new IndentFrame.Statement(columns[i], lines.get(i).strip());
            misfits += weigh(blocks, statement);
            misfits += frame.leavesFunction(statement.column(), statement.text()) ? MISFIT : 0;
            if (i > 0 && first > frame.function && statement.column() <= frame.function) {
                misfits++;
            }
        }
        if (frame.followingInPlace) {
            for (IndentFrame.Statement statement : frame.following) {
                misfits += weigh(blocks, statement);
            }
        }
        return misfits;
    }

    /** A line inside brackets or a string stands right of its statement, or under it when it closes them. */
    private static boolean insideItsStatement(String line, int column, int statementColumn) {
        String code = line.strip();
        boolean closes = !code.isEmpty() && ")]}\"'`".indexOf(code.charAt(0)) >= 0;
        return column > statementColumn || column == statementColumn && closes;
    }

    private int weigh(Blocks blocks, IndentFrame.Statement statement) {
        int weight = blocks.unreachable(statement) ? MISFIT : 0;
        weight += blocks.add(statement) ? 0 : MISFIT;
        weight += frame.outOfPlace(statement, blocks.stack) ? MISFIT : 0;
        return weight + (blocks.deeperThanOneStep(frame.unitWidth) ? 1 : 0);
    }

    /** The open blocks as Python's tokenizer keeps them: a stack of columns, with the statement at each. */
    private static final class Blocks {
        private static final java.util.regex.Pattern JUMP = java.util.regex.Pattern.compile("^(return|raise|break|continue)\\b.*");
        private final IndentFrame frame;
        private final List<IndentFrame.Statement> stack = new ArrayList<>();
        private boolean opening;
        private int lastRise;

        Blocks(IndentFrame frame) {
            this.frame = frame;
            for (int i = frame.open.size() - 1; i >= 0; i--) {
                stack.add(frame.open.get(i));
            }
            opening = frame.previousOpensBlock;
        }

        /** Whether {@code statement} would follow a {@code return}, {@code raise}... in the same block. */
        boolean unreachable(IndentFrame.Statement statement) {
            if (!frame.python || opening || stack.isEmpty()) {
                return false;
            }
            var top = stack.get(stack.size() - 1);
            return top.column() == statement.column() && JUMP.matcher(top.text()).matches();
        }

        /** Whether the last statement taken starts a block more than one step right of its header. */
        boolean deeperThanOneStep(int unitWidth) {
            return lastRise > unitWidth;
        }

        /** Takes the next statement; false if it stands where it cannot. */
        boolean add(IndentFrame.Statement statement) {
            int column = statement.column();
            boolean fits;
            int top = stack.isEmpty() ? 0 : stack.get(stack.size() - 1).column();
            lastRise = opening && !stack.isEmpty() ? column - top : 0;
            if (opening) {
                fits = column > top || stack.isEmpty();
            } else if (column > top) {
                fits = stack.isEmpty();
            } else {
                while (stack.size() > 1 && stack.get(stack.size() - 1).column() > column) {
                    stack.remove(stack.size() - 1);
                }
                fits = stack.isEmpty() || stack.get(stack.size() - 1).column() == column;
                fits &= !frame.clauseWithoutOwner(statement, stack);
                if (!stack.isEmpty() && stack.get(stack.size() - 1).column() == column) {
                    stack.remove(stack.size() - 1);
                }
            }
            stack.add(statement);
            opening = CodeText.opensBlock(IndentFrame.withoutComment(statement.text(), frame.python));
            return fits;
        }
    }

    static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
