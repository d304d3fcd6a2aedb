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
            case BLOCK -> block(text, context);
        };
        text = stripTrailingWhitespace(text);
        if (text.isBlank() || repeatsLinesAbove(text, context)) {
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
        if (context.linePrefix().isBlank() || endsWithSpace(context.linePrefix())) {
            text = stripLeadingBlanks(text);
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return withoutOverlap(line.stripTrailing(), context.lineSuffix());
    }

    /**
     * At the end of a finished line: the rest of it if the model goes on with it, else the next
     * line as the model indented it (with the blank lines before it, at most two), unless the
     * document already has that line next.
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
                return next.strip().equals(nextSuffixLine(context)) ? "" : out.append(next).toString();
            }
            if (i < 2) {
                out.append('\n');
            }
        }
        return "";
    }

    private static String nextSuffixLine(CursorContext context) {
        String[] suffixLines = CodeText.lines(context.suffix());
        for (int i = 1; i < suffixLines.length; i++) {
            if (!suffixLines[i].isBlank()) {
                return suffixLines[i].strip();
            }
        }
        return null;
    }

    private static String block(String text, CursorContext context) {
        boolean atOpenerEnd = !context.linePrefix().isBlank();
        String unit = context.linePrefix().startsWith("\t") || context.indentation().contains("\t") ? "\t" : "    ";
        List<String> lines = new ArrayList<>(List.of(CodeText.lines(text)));
        String bodyIndent;
        String openerIndent;
        if (atOpenerEnd) {
            if (lines.get(0).isBlank()) {
                lines.remove(0);
            }
            openerIndent = context.indentation();
            bodyIndent = openerIndent + unit;
        } else {
            openerIndent = CodeText.indentationOf(lastNonBlank(context.previousLines()));
            bodyIndent = CodeText.indentWidth(context.linePrefix()) > CodeText.indentWidth(openerIndent)
                    ? context.linePrefix()
                    : openerIndent + unit;
        }
        int first = firstNonBlank(lines);
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
        if (body.isEmpty()) {
            return "";
        }
        String firstLine = body.get(0);
        body.set(0, atOpenerEnd
                ? "\n" + firstLine
                : bodyIndent.substring(Math.min(context.linePrefix().length(), bodyIndent.length()))
                        + firstLine.stripLeading());
        return String.join("\n", body);
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

    private static List<String> withoutLinesTheSuffixHas(List<String> body, CursorContext context) {
        List<String> after = new ArrayList<>();
        String[] suffixLines = CodeText.lines(context.suffix());
        for (int i = 1; i < suffixLines.length; i++) {
            if (!suffixLines[i].isBlank()) {
                after.add(suffixLines[i].strip());
            }
        }
        int end = body.size();
        while (end > 0) {
            int keep = end;
            for (int n = Math.min(end, after.size()); n > 0; n--) {
                if (sameLines(body.subList(end - n, end), after.subList(0, n))) {
                    keep = end - n;
                    break;
                }
            }
            if (keep == end) {
                break;
            }
            end = keep;
        }
        var kept = new ArrayList<>(body.subList(0, end));
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    private static boolean sameLines(List<String> a, List<String> b) {
        var nonBlank = a.stream().filter(l -> !l.isBlank()).map(String::strip).toList();
        return !nonBlank.isEmpty() && nonBlank.equals(b.subList(0, Math.min(b.size(), nonBlank.size())))
                && nonBlank.size() <= b.size();
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

    private static boolean repeatsLinesAbove(String text, CursorContext context) {
        List<String> mine = new ArrayList<>();
        String[] lines = CodeText.lines(text);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 ? context.linePrefix() + lines[0] : lines[i];
            if (!line.isBlank()) {
                mine.add(line.strip());
            }
        }
        List<String> above = context.previousLines().stream().filter(l -> !l.isBlank()).map(String::strip).toList();
        if (mine.isEmpty() || above.size() < mine.size()) {
            return false;
        }
        for (int start = 0; start + mine.size() <= above.size(); start++) {
            if (above.subList(start, start + mine.size()).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static String lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i);
            }
        }
        return "";
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
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

    private static String stripTrailingWhitespace(String s) {
        return s.stripTrailing();
    }
}
