package dev.gptoss.ls.actions;

import dev.gptoss.ls.context.CodeText;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one code block of a model's answer as the new text of a region (whole lines) of a document,
 * the way the model meant it, whatever shape it came in:
 * <ul>
 *   <li>indentation is re-based on the region's: a block written at column 0, or dedented by one
 *       level, or whose first line lost its indentation, lands at the region's own;</li>
 *   <li>code before and after the region that the answer merely repeats (the whole file, the
 *       imports, the class header, the next method) is dropped; an answer that changes such code
 *       is refused, since only the region is rewritten;</li>
 *   <li>prose lines around bare code ("Here is the fix:") are dropped;</li>
 *   <li>for a Python function, an answer that leaves the function with ordinary statements (lines
 *       under-indented by a level) is refused rather than read as code outside it.</li>
 * </ul>
 * Whether the result parses is for the caller to check, with the whole document.
 */
final class RegionAnswer {
    private static final Pattern DEF = Pattern.compile("^[ \\t]*(?:async[ \\t]+)?def[ \\t]+(\\w+)");
    /** What a new top-level thing after a Python function starts with. */
    private static final Pattern PYTHON_SIBLING = Pattern.compile("^(?:async[ \\t]+def|def|class)\\b|^[@#]");
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}'’-]+[,.:;!?]?");
    private static final Pattern END_OF_CODE = Pattern.compile("[;{}(\\[,]$");

    /** What reading a block gave: the region's new lines, or why there are none. */
    sealed interface Reading {
    }

    record Replacement(List<String> lines) implements Reading {
    }

    record Refused(String reason) implements Reading {
    }

    private final boolean python;
    private final List<String> regionLines;
    private final Set<String> outside = new HashSet<>();
    private final int headerIndex;
    private final String header;
    private final String headerIndent;
    /** Indentation of the region's first code line after the header, or null when it has none. */
    private final String bodyIndent;
    /** The first non-blank line after the region, stripped, or null. */
    private final String next;
    private final Optional<String> function;

    /** @param firstLine first line of the region, {@code lastLine} its last; both whole lines */
    RegionAnswer(DocumentSnapshot document, int firstLine, int lastLine) {
        python = document.languageId().equals("python");
        var lines = new ArrayList<String>();
        for (int line = firstLine; line <= lastLine; line++) {
            lines.add(document.lineText(line));
        }
        regionLines = List.copyOf(lines);
        for (int line = 0; line < document.lineCount(); line++) {
            if (line < firstLine || line > lastLine) {
                String text = document.lineText(line).strip();
                if (!text.isEmpty()) {
                    outside.add(text);
                }
            }
        }
        headerIndex = firstCode(regionLines, 0);
        header = headerIndex < 0 ? "" : regionLines.get(headerIndex).strip();
        headerIndent = headerIndex < 0 ? "" : CodeText.indentationOf(regionLines.get(headerIndex));
        int body = headerIndex < 0 ? -1 : firstCode(regionLines, headerIndex + 1);
        bodyIndent = body < 0 ? null : CodeText.indentationOf(regionLines.get(body));
        String after = null;
        for (int line = lastLine + 1; line < document.lineCount() && after == null; line++) {
            String text = document.lineText(line).strip();
            after = text.isEmpty() ? null : text;
        }
        next = after;
        var def = DEF.matcher(header.isEmpty() ? "" : regionLines.get(headerIndex));
        function = python && def.find() ? Optional.of(def.group(1)) : Optional.empty();
    }

    List<String> regionLines() {
        return regionLines;
    }

    /** Whether the block holds the region's first line or, for a function, its {@code def}. */
    boolean mentionsRegion(AnswerBlocks.Block block) {
        return anchor(block.lines()) >= 0;
    }

    /** Whether the block is the region as it stands (the "before" of a before/after answer). */
    boolean repeatsRegion(AnswerBlocks.Block block) {
        return code(block.lines()).equals(code(regionLines));
    }

    Reading read(AnswerBlocks.Block block) {
        List<String> lines = trimmed(block.fenced() ? block.lines() : withoutProseAround(block.lines()));
        if (lines.isEmpty()) {
            return new Refused("GPT-OSS gave no code for this action");
        }
        int anchor = anchor(lines);
        if (function.isPresent() && anchor < 0) {
            return new Refused("GPT-OSS's answer does not contain `def " + function.get()
                    + "`, the function it was asked to rewrite");
        }
        var kept = new ArrayList<String>();
        if (anchor > 0) {
            List<String> head = withoutProse(lines.subList(0, anchor));
            Optional<String> changed = changedOutside(head);
            if (changed.isPresent()) {
                return outsideRefusal(changed.get());
            }
            if (!repeatsOutside(head)) {
                kept.addAll(head);
            }
        }
        int anchorAt = anchor < 0 ? 0 : kept.size();
        kept.addAll(anchor < 0 ? lines : lines.subList(anchor, lines.size()));
        List<String> rebased = rebased(kept, anchorAt);
        int tailStart = tailStart(rebased, anchorAt);
        var result = new ArrayList<>(rebased.subList(0, tailStart));
        if (tailStart < rebased.size()) {
            List<String> tail = withoutProse(rebased.subList(tailStart, rebased.size()));
            int first = firstCode(tail, 0);
            boolean repeatsNext = first >= 0 && tail.get(first).strip().equals(next) && repeatsOutside(tail);
            if (!repeatsNext) {
                Optional<String> refused = tailRefusal(tail);
                if (refused.isPresent()) {
                    return new Refused(refused.get());
                }
                result.addAll(tail);
            }
        }
        List<String> code = trimmed(result);
        return code.isEmpty() ? new Refused("GPT-OSS gave no code for this action") : new Replacement(code);
    }

    /** Why new code after the region's part cannot be kept, if it cannot. */
    private Optional<String> tailRefusal(List<String> tail) {
        Optional<String> changed = changedOutside(tail);
        if (changed.isPresent()) {
            return Optional.of(outsideRefusal(changed.get()).reason());
        }
        int first = firstCode(tail, 0);
        if (function.isPresent() && first >= 0 && !PYTHON_SIBLING.matcher(tail.get(first).strip()).find()) {
            return Optional.of("GPT-OSS's answer leaves the function `" + function.get() + "` early: `"
                    + shortened(tail.get(first).strip()) + "` is indented as if it were outside it");
        }
        return Optional.empty();
    }

    private static Refused outsideRefusal(String line) {
        return new Refused("GPT-OSS's answer also changes code outside the lines it was given (`"
                + shortened(line) + "`), and only those lines are rewritten");
    }

    /**
     * Index of the line the region's code resumes after, if the block goes on past it: for a Python
     * function, the first logical line back at (or left of) the {@code def}'s indentation; else the
     * line the document continues with after the region.
     */
    private int tailStart(List<String> lines, int anchorAt) {
        if (anchorAt < 0) {
            return lines.size();
        }
        if (function.isPresent()) {
            String text = String.join("\n", lines);
            for (int line : PythonIndentation.logicalLines(text)) {
                if (line > anchorAt && CodeText.indentationOf(lines.get(line)).length() <= headerIndent.length()) {
                    return line;
                }
            }
            return lines.size();
        }
        for (int line = anchorAt + 1; next != null && line < lines.size(); line++) {
            if (lines.get(line).strip().equals(next) && repeatsOutside(lines.subList(line, lines.size()))) {
                return line;
            }
        }
        return lines.size();
    }

    /**
     * The block with its indentation moved so that its first line sits where the region's does.
     * When the result's first indented step differs from the region's while the block's own body
     * agrees with the region's body, only the first line had lost its indentation: the body keeps
     * its place and the first line is put back.
     */
    private List<String> rebased(List<String> lines, int anchorAt) {
        if (anchorAt < 0) {
            return lines;
        }
        List<String> shifted = shift(lines, CodeText.indentationOf(lines.get(anchorAt)), headerIndent);
        int body = firstCode(lines, anchorAt + 1);
        if (!python || anchorAt != 0 || body < 0 || bodyIndent == null) {
            return shifted;
        }
        int regionStep = bodyIndent.length() - headerIndent.length();
        if (CodeText.indentationOf(shifted.get(body)).length() - headerIndent.length() == regionStep) {
            return shifted;
        }
        var firstLineOnly = new ArrayList<String>();
        firstLineOnly.add(headerIndent + lines.get(0).strip());
        firstLineOnly.addAll(shift(lines.subList(1, lines.size()), CodeText.indentationOf(lines.get(body)), bodyIndent));
        return firstLineOnly;
    }

    private static List<String> shift(List<String> lines, String from, String to) {
        var shifted = new ArrayList<String>(lines.size());
        for (String line : lines) {
            if (line.isBlank()) {
                shifted.add("");
            } else if (line.startsWith(from)) {
                shifted.add(to + line.substring(from.length()));
            } else {
                shifted.add(line);
            }
        }
        return shifted;
    }

    private int anchor(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!header.isEmpty() && lines.get(i).strip().equals(header)) {
                return i;
            }
        }
        if (function.isPresent()) {
            for (int i = 0; i < lines.size(); i++) {
                var def = DEF.matcher(lines.get(i));
                if (def.find() && def.group(1).equals(function.get())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The first line of code that is neither in the region nor outside it, if some are and some are not. */
    private Optional<String> changedOutside(List<String> lines) {
        boolean anyKnown = false;
        String firstNew = null;
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (outside.contains(text)) {
                anyKnown = true;
            } else if (firstNew == null) {
                firstNew = text;
            }
        }
        return anyKnown && firstNew != null ? Optional.of(firstNew) : Optional.empty();
    }

    /** Whether every line of code is a copy of one outside the region (and there is one). */
    private boolean repeatsOutside(List<String> lines) {
        boolean any = false;
        for (String line : lines) {
            String text = line.strip();
            if (!text.isEmpty()) {
                if (!outside.contains(text)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Lines that read as a sentence to a person rather than as code, as models put around bare code:
     * a capitalised first word, mostly plain words, no assignment, and either three words or more or
     * a closing colon or full stop ("Here is the fix:", "Before:", "This wraps the call.").
     */
    static boolean looksLikeProse(String line) {
        String text = line.strip();
        if (text.startsWith("**") || text.startsWith("#### ") || text.startsWith("### ") || text.startsWith("## ")) {
            return true;
        }
        if (text.isEmpty() || !Character.isUpperCase(text.codePointAt(0)) || text.contains("=")
                || END_OF_CODE.matcher(text).find()) {
            return false;
        }
        String[] words = text.split("\\s+");
        long plain = java.util.Arrays.stream(words).filter(w -> PLAIN_WORD.matcher(w).matches()).count();
        boolean sentence = words.length >= 3 || text.endsWith(":") || text.endsWith(".");
        return sentence && plain * 10 >= words.length * 6L;
    }

    private static List<String> withoutProse(List<String> lines) {
        return lines.stream().filter(l -> !looksLikeProse(l)).toList();
    }

    /** Bare code with the sentences before and after it taken away. */
    private static List<String> withoutProseAround(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && (lines.get(from).isBlank() || looksLikeProse(lines.get(from)))) {
            from++;
        }
        while (to > from && (lines.get(to - 1).isBlank() || looksLikeProse(lines.get(to - 1)))) {
            to--;
        }
        return lines.subList(from, to);
    }

    private static List<String> trimmed(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }

    /** The lines with code, stripped: what two versions of a region are compared by. */
    private static List<String> code(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static int firstCode(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String shortened(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
