package dev.gptoss.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A perfect model with a set accuracy: it knows the files being typed, finds the cursor from the
 * code before it in the prompt, and answers with what the file really has there (the rest of the
 * line, or the block a block opener starts) with probability {@code accuracy}, else with something
 * plausible and wrong: the first few characters of the truth, then another line of the same file.
 * The choice depends only on the seed, the file and the cursor, so every client asking at the same
 * place gets the same answer, as from a model run at a low temperature.
 */
public final class Oracle {
    private static final int[] TAILS = {400, 160, 60, 24};
    private static final int MAX_BLOCK_LINES = 12;

    private final Map<String, String> files;
    private final double accuracy;
    private final long seed;

    /** @param files corpus file name to its full text (LF line ends) */
    public Oracle(Map<String, String> files, double accuracy, long seed) {
        if (accuracy < 0 || accuracy > 1) {
            throw new IllegalArgumentException("accuracy must be within 0..1: " + accuracy);
        }
        this.files = new LinkedHashMap<>(files);
        this.accuracy = accuracy;
        this.seed = seed;
    }

    /** The answer for a prompt; empty when its cursor is in no corpus file. */
    public Optional<OracleAnswer> answer(PromptText prompt) {
        return locate(prompt.before()).map(at -> answerAt(at.file, at.offset));
    }

    /** The answer at an offset of a corpus file. */
    public OracleAnswer answerAt(String file, int offset) {
        String text = files.get(file);
        String truth = truthAt(text, offset);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ file.hashCode() * 31L ^ offset);
        if (truth.isBlank() || random.nextDouble() < accuracy) {
            return new OracleAnswer(file, offset, truth, truth, true);
        }
        return new OracleAnswer(file, offset, wrong(text, truth, random), truth, false);
    }

    private record Location(String file, int offset) {
    }

    /** Where the code before the cursor ends in a corpus file: the longest tail of it found, the latest place. */
    Optional<Location> locate(String before) {
        for (int tail : TAILS) {
            if (before.length() < tail && tail != TAILS[TAILS.length - 1]) {
                continue;
            }
            String end = before.substring(Math.max(0, before.length() - tail));
            if (end.isBlank()) {
                return Optional.empty();
            }
            Location best = null;
            int bestShared = -1;
            for (var entry : files.entrySet()) {
                String text = entry.getValue();
                for (int at = text.indexOf(end); at >= 0; at = text.indexOf(end, at + 1)) {
                    int cursor = at + end.length();
                    int shared = sharedTail(before, text, cursor);
                    if (shared > bestShared) {
                        best = new Location(entry.getKey(), cursor);
                        bestShared = shared;
                    }
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    /** What the file has at {@code offset}: the rest of the line, else the next line or the block that opens there. */
    static String truthAt(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = lineEnd(text, offset);
        String linePrefix = text.substring(lineStart, offset);
        String rest = text.substring(offset, lineEnd);
        if (linePrefix.isBlank() && opensBlock(previousNonBlankLine(text, lineStart))) {
            return block(text, offset, indentWidth(linePrefix + rest));
        }
        if (!rest.isBlank()) {
            return rest;
        }
        if (lineEnd >= text.length()) {
            return "";
        }
        String line = text.substring(lineStart, lineEnd);
        int nextStart = lineEnd + 1;
        if (opensBlock(line)) {
            return "\n" + block(text, nextStart, indentWidth(line) + 1);
        }
        int next = nextStart;
        while (next < text.length() && text.substring(next, lineEnd(text, next)).isBlank()) {
            next = lineEnd(text, next) + 1;
        }
        return next >= text.length() ? "" : text.substring(lineEnd, lineEnd(text, next));
    }

    /** Lines from {@code from} while they are blank or indented at least {@code minIndent}, without a trailing newline. */
    private static String block(String text, int from, int minIndent) {
        List<String> lines = new ArrayList<>();
        int at = from;
        while (at < text.length() && lines.size() < MAX_BLOCK_LINES) {
            int end = lineEnd(text, at);
            String line = text.substring(at, end);
            if (!line.isBlank() && indentWidth(text.substring(text.lastIndexOf('\n', at - 1) + 1, end)) < minIndent) {
                break;
            }
            lines.add(line);
            at = end + 1;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private String wrong(String text, String truth, SplittableRandom random) {
        String[] lines = text.split("\n");
        for (int attempt = 0; attempt < 20; attempt++) {
            String other = lines[random.nextInt(lines.length)].strip();
            int keep = random.nextInt(Math.max(1, Math.min(truth.length() / 3, 12)) + 1);
            keep = Math.min(keep, truth.length());
            String answer = truth.substring(0, keep) + other;
            if (!other.isEmpty() && !truth.startsWith(answer) && !answer.startsWith(truth)) {
                return answer;
            }
        }
        return truth.substring(0, Math.min(1, truth.length())) + " // ?";
    }

    private static int sharedTail(String before, String text, int cursor) {
        int n = 0;
        while (n < before.length() && n < cursor && before.charAt(before.length() - 1 - n) == text.charAt(cursor - 1 - n)) {
            n++;
        }
        return n;
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static String previousNonBlankLine(String text, int lineStart) {
        int end = lineStart - 1;
        while (end > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end);
            if (!line.isBlank()) {
                return line;
            }
            end = start - 1;
        }
        return "";
    }

    static boolean opensBlock(String line) {
        String code = line.stripTrailing();
        return code.endsWith(":") || code.endsWith("{") || code.endsWith("=>");
    }

    private static int indentWidth(String line) {
        int width = 0;
        for (int i = 0; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
            width += line.charAt(i) == '\t' ? 4 : 1;
        }
        return width;
    }
}
