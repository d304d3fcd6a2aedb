package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.CodeText;
import dev.gptoss.ls.context.CursorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the model wrote into what the editor shows: unwrapped, without text the document
 * already has around the cursor, indented like the code, cut at a sensible end, and dropped when
 * it adds nothing.
 */
final class SuggestionShaper {
    private static final String CLOSER = "^\\s*([}\\])]+[;,)]*|end)\\s*$";

    Optional<String> shape(String modelText, CursorContext context, SuggestionShape shape) {
        String text = ChatWrapping.strip(modelText.replace("\r\n", "\n").replace('\r', '\n'));
        text = withoutEchoedLinePrefix(text, context);
        text = switch (shape) {
            case SINGLE_LINE -> singleLine(text, context);
            case NEXT_LINE -> nextLine(text, context);
            case BLOCK -> context.linePrefix().isBlank() ? linesOnABlankLine(text, context) : block(text, context);
        };
        text = text.stripTrailing();
        if (text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(text.replace("\n", context.lineSeparator()));
    }

    private static String withoutEchoedLinePrefix(String text, CursorContext context) {
        String typed = context.linePrefix().stripLeading();
        if (typed.length() < 3) {
            return text;
        }
        String candidate = text.stripLeading();
        return candidate.startsWith(typed) ? candidate.substring(typed.length()) : text;
    }

    private static String singleLine(String text, CursorContext context) {
        if (context.linePrefix().isBlank()) {
            text = withoutTypedIndentation(dropLeadingBlankLines(text), context.linePrefix());
        } else if (endsWithSpace(context.linePrefix())) {
            text = stripLeadingBlanks(text);
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return withoutOverlap(line.stripTrailing(), context.lineSuffix());
    }

    /**
     * At the end of a finished line: the rest of it if the model goes on with it, else the next
     * line (with the blank lines before it, at most two), unless the document already has that line
     * next. The next line goes at the column the model meant, read as on a blank line below the
     * cursor's (see {@link IndentPlacement}): a model that sent it without its indentation, or
     * relative to the cursor's line, still gets it placed in the block.
     */
    private static String nextLine(String text, CursorContext context) {
        int newline = text.indexOf('\n');
        if (newline < 0 || !text.substring(0, newline).isBlank()) {
            return singleLine(text, context);
        }
        String[] lines = text.substring(newline + 1).split("\n", -1);
        var out = new StringBuilder("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                String next = lines[i].stripTrailing();
                return nextSuffixLineIs(context, next.strip()) ? "" : out.append(placedBelow(next, context)).toString();
            }
            if (i < 2) {
                out.append('\n');
            }
        }
        return "";
    }

    /** {@code line} at the column the model meant on an empty line below the cursor's line. */
    private static String placedBelow(String line, CursorContext context) {
        var below = new CursorContext(context.path(), context.languageId(), context.prefix() + context.lineSuffix() + "\n",
                context.suffix().substring(context.lineSuffix().length()), "", "", context.lineSeparator());
        List<String> lines = List.of(line);
        IndentFrame frame = IndentFrame.around(below, lines);
        return frame.indentation(new IndentPlacement(frame).columns(lines)[0]) + line.strip();
    }

    /**
     * Lines for a blank line: each at the column the model meant (see {@link IndentPlacement}), up to
     * where they would leave the definition the cursor is in, without the lines the file already has
     * right after the cursor. The first line leaves out the indentation already typed.
     */
    private static String linesOnABlankLine(String text, CursorContext context) {
        List<String> lines = new ArrayList<>(List.of(CodeText.lines(dropLeadingBlankLines(text))));
        IndentFrame frame = IndentFrame.around(context, lines);
        int[] columns = new IndentPlacement(frame).columns(lines);
        var placed = new ArrayList<String>();
        int base = -1;
        for (int i = 0; i < lines.size() && placed.size() < SuggestionShape.MAX_BLOCK_LINES; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                placed.add("");
                continue;
            }
            int column = columns[i];
            if (base < 0) {
                base = column;
            } else if (column < base && !frame.continues(i) && leavesTheBlock(frame, base, column, line)) {
                if (!frame.python && line.matches(CLOSER) && !nextSuffixLineIs(context, line.strip())) {
                    placed.add(frame.indentation(column) + line.strip());
                }
                break;
            }
            placed.add(frame.indentation(column) + line.strip());
        }
        List<String> kept = withoutLinesTheSuffixHas(placed, context);
        if (kept.isEmpty()) {
            return "";
        }
        return withoutTypedIndentation(String.join("\n", kept), context.linePrefix());
    }

    /**
     * Whether a line dedented below the answer's first line ends it. In Python a block goes on after
     * a dedent as long as it stays in the function it started in; elsewhere the block ends there.
     */
    private static boolean leavesTheBlock(IndentFrame frame, int base, int column, String line) {
        if (!frame.python) {
            return true;
        }
        return base > frame.function && column <= frame.function;
    }

    /** The text with the whitespace the user already typed before the cursor taken off its first line. */
    private static String withoutTypedIndentation(String text, String typed) {
        if (text.startsWith(typed)) {
            return text.substring(typed.length());
        }
        return stripLeadingBlanks(text);
    }

    private static String dropLeadingBlankLines(String text) {
        String result = text;
        int newline = result.indexOf('\n');
        while (newline >= 0 && result.substring(0, newline).isBlank()) {
            result = result.substring(newline + 1);
            newline = result.indexOf('\n');
        }
        return result;
    }

    /** A block after an opener at the end of the cursor's line: on new lines, one step in from the opener. */
    private static String block(String text, CursorContext context) {
        String unit = context.indentation().contains("\t") ? "\t" : "    ";
        List<String> lines = new ArrayList<>(List.of(CodeText.lines(text)));
        if (lines.get(0).isBlank()) {
            lines.remove(0);
        }
        String openerIndent = context.indentation();
        String bodyIndent = openerIndent + unit;
        int first = IndentPlacement.firstNonBlank(lines);
        if (first < 0) {
            return "";
        }
        int shift = CodeText.indentWidth(bodyIndent) - CodeText.indentWidth(lines.get(first));
        var body = new ArrayList<String>();
        int base = CodeText.indentWidth(bodyIndent);
        for (int i = first; i < lines.size() && body.size() < SuggestionShape.MAX_BLOCK_LINES; i++) {
            String line = reindent(lines.get(i), shift, unit);
            if (!line.isBlank() && CodeText.indentWidth(line) < base) {
                if (line.matches(CLOSER) && !nextSuffixLineIs(context, line.strip())) {
                    body.add(openerIndent + line.strip());
                }
                break;
            }
            body.add(line);
        }
        body = new ArrayList<>(withoutLinesTheSuffixHas(body, context));
        return body.isEmpty() ? "" : "\n" + String.join("\n", body);
    }

    private static String reindent(String line, int shift, String unit) {
        if (line.isBlank() || shift == 0) {
            return line;
        }
        if (shift > 0) {
            return (unit.equals("\t") ? "\t".repeat(Math.max(1, shift / 4)) : " ".repeat(shift)) + line;
        }
        int remove = 0;
        int width = 0;
        while (remove < line.length() && width < -shift && (line.charAt(remove) == ' ' || line.charAt(remove) == '\t')) {
            width += line.charAt(remove) == '\t' ? 4 : 1;
            remove++;
        }
        return line.substring(remove);
    }

    /** Text the model wrote that the line already has after the cursor: "foo(a)" before ")" is "foo(a". */
    private static String withoutOverlap(String line, String lineSuffix) {
        String after = lineSuffix.stripTrailing();
        for (int k = Math.min(line.length(), after.length()); k > 0; k--) {
            String overlap = after.substring(0, k);
            if (!overlap.isBlank() && line.endsWith(overlap)) {
                return line.substring(0, line.length() - k);
            }
        }
        return line;
    }

    /**
     * The lines before the point where the model starts writing what the file already has after the
     * cursor: from there on, every line is the next line of the file, at the same column (the last
     * one may stop early, cut off by the token limit). Nothing else is ever removed as a repeat.
     */
    private static List<String> withoutLinesTheSuffixHas(List<String> body, CursorContext context) {
        List<String> after = new ArrayList<>();
        String[] suffixLines = CodeText.lines(context.suffix());
        for (int i = 1; i < suffixLines.length; i++) {
            if (!suffixLines[i].isBlank()) {
                after.add(suffixLines[i]);
            }
        }
        int end = body.size();
        for (int k = 0; k < body.size(); k++) {
            if (!body.get(k).isBlank() && continuesInto(body.subList(k, body.size()), after)) {
                end = k;
                break;
            }
        }
        var kept = new ArrayList<>(body.subList(0, end));
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    private static boolean continuesInto(List<String> tail, List<String> after) {
        var lines = tail.stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() > after.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            String mine = lines.get(i).stripTrailing();
            String theirs = after.get(i).stripTrailing();
            boolean last = i == lines.size() - 1 && lines.size() > 1;
            if (CodeText.indentWidth(mine) != CodeText.indentWidth(theirs)
                    || !(last ? theirs.strip().startsWith(mine.strip()) : theirs.strip().equals(mine.strip()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean nextSuffixLineIs(CursorContext context, String line) {
        String[] suffixLines = CodeText.lines(context.suffix());
        for (int i = 1; i < suffixLines.length; i++) {
            if (!suffixLines[i].isBlank()) {
                return suffixLines[i].strip().equals(line);
            }
        }
        return false;
    }

    private static boolean endsWithSpace(String s) {
        return !s.isEmpty() && Character.isWhitespace(s.charAt(s.length() - 1));
    }

    private static String stripLeadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }
}
