package dev.gptoss.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes a model's answer to "rewrite this region" comes in (issue 21's table), each made from
 * the answer an oracle means: the region as it should read. Well-formed shapes carry the right code
 * and must land as it; broken shapes carry broken code and must never be offered if the file would
 * not parse.
 */
final class AnswerShapes {
    private static final Pattern INDENT = Pattern.compile("^[ \\t]*");

    /**
     * What the oracle knows for one question.
     *
     * @param original the region as the server sent it
     * @param expected the region as it should read
     * @param expectedFile the whole file as it should read
     * @param outside the file's lines before the region
     */
    record Meant(String original, String expected, String expectedFile, List<String> outside) {
    }

    record Shape(String name, boolean wellFormed, Function<Meant, String> answer) {
    }

    private AnswerShapes() {
    }

    static final List<Shape> ALL = List.of(
            new Shape("fenced", true, m -> fenced(m.expected())),
            new Shape("fenced, prose around it", true, m -> "Here is the updated code:\n\n" + fenced(m.expected())
                    + "\n\nThis changes only what the instruction asks for."),
            new Shape("unfenced", true, Meant::expected),
            new Shape("unfenced, prose around it", true, m -> "Sure. Here is the fix:\n\n" + m.expected()
                    + "\n\nEverything else stays as it was."),
            new Shape("unfenced, first line unindented", true, m -> m.expected().stripLeading()),
            new Shape("fenced, at column 0", true, m -> fenced(dedent(m.expected(), Integer.MAX_VALUE))),
            new Shape("fenced, dedented by 4", true, m -> fenced(dedent(m.expected(), 4))),
            new Shape("whole file", true, m -> "Here is the complete file:\n\n" + fenced(m.expectedFile().stripTrailing())),
            new Shape("imports and class header repeated", true, m -> fenced(withContext(m))),
            new Shape("before and after", true, m -> "Before:\n" + fenced(m.original()) + "\n\nAfter:\n"
                    + fenced(m.expected())),
            new Shape("tilde fence, no language", true, m -> "~~~\n" + m.expected() + "\n~~~"),
            new Shape("Windows line ends", true, m -> fenced(m.expected()).replace("\n", "\r\n")),
            new Shape("fenced, body one level left of its def", true, m -> fenced(bodyDedented(m.expected()))),
            new Shape("fenced, then a usage example", true, m -> fenced(m.expected()) + "\n\nYou can call it as"
                    + " before:\n\n" + fenced("result = await service.run(request)")),
            new Shape("broken: two body lines under-indented", false, m -> fenced(underIndented(m.expected()))),
            new Shape("broken: a line indented a level too deep", false, m -> fenced(overIndented(m.expected()))),
            new Shape("broken: a bracket left open", false, m -> fenced(bracketLeftOpen(m.expected()))),
            new Shape("broken: only the changed lines", false, m -> fenced(changedLines(m.original(), m.expected()))),
            new Shape("broken: whole file, an import changed too", false, m -> fenced(
                    m.expectedFile().replaceFirst("(?m)^import ", "import contextlib\nimport ").stripTrailing())),
            new Shape("broken: cut off, fence left open", false, m -> "```python\n"
                    + String.join("\n", m.expected().lines().limit(Math.max(1, m.expected().lines().count() / 2)).toList())));

    private static String fenced(String code) {
        return "```python\n" + code + "\n```";
    }

    /** Each line loses up to {@code columns} of the indentation all lines share. */
    static String dedent(String code, int columns) {
        int common = code.lines().filter(l -> !l.isBlank()).mapToInt(AnswerShapes::indentation).min().orElse(0);
        int cut = Math.min(common, columns);
        return String.join("\n", code.lines().map(l -> l.isBlank() ? "" : l.substring(Math.min(cut, indentation(l))))
                .toList());
    }

    /** The module's imports and the enclosing class's header, then the region. */
    private static String withContext(Meant meant) {
        var lines = new ArrayList<String>();
        meant.outside().stream().filter(l -> l.startsWith("import ") || l.startsWith("from ")).forEach(lines::add);
        lines.add("");
        int base = indentation(meant.expected().lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
        for (int i = meant.outside().size() - 1; i >= 0 && base > 0; i--) {
            String line = meant.outside().get(i);
            if (line.startsWith("class ") && indentation(line) < base) {
                lines.add(line);
                break;
            }
        }
        lines.add(meant.expected());
        return String.join("\n", lines);
    }

    /** Two body lines (after the first) lose one level of indentation. */
    private static String underIndented(String code) {
        List<String> lines = new ArrayList<>(code.lines().toList());
        int changed = 0;
        for (int i = 2; i < lines.size() && changed < 2; i++) {
            String line = lines.get(i);
            if (!line.isBlank() && indentation(line) >= 8) {
                lines.set(i, line.substring(4));
                changed++;
            }
        }
        return String.join("\n", lines);
    }

    /** The last line of code that does not follow a block header moves one level right. */
    private static String overIndented(String code) {
        List<String> lines = new ArrayList<>(code.lines().toList());
        for (int i = lines.size() - 1; i > 1; i--) {
            if (!lines.get(i).isBlank() && !lines.get(i - 1).stripTrailing().endsWith(":")
                    && !lines.get(i - 1).isBlank()) {
                lines.set(i, "    " + lines.get(i));
                break;
            }
        }
        return String.join("\n", lines);
    }

    private static String bracketLeftOpen(String code) {
        int close = code.lastIndexOf(')');
        return close < 0 ? code + "(" : code.substring(0, close) + code.substring(close + 1);
    }

    /** The first line stays, every other line moves one level left. */
    private static String bodyDedented(String code) {
        List<String> lines = code.lines().toList();
        var out = new ArrayList<String>();
        out.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            out.add(indentation(line) >= 4 ? line.substring(4) : line);
        }
        return String.join("\n", out);
    }

    /** The lines of the expected region that the original does not have. */
    private static String changedLines(String original, String expected) {
        List<String> before = original.lines().toList();
        List<String> changed = expected.lines().filter(l -> !before.contains(l)).toList();
        return changed.isEmpty() ? expected.lines().findFirst().orElse("") : dedent(String.join("\n", changed), 99);
    }

    static int indentation(String line) {
        Matcher m = INDENT.matcher(line);
        return m.find() ? m.group().length() : 0;
    }
}
