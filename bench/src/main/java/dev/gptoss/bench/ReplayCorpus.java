package dev.gptoss.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The files the replay types (bench/src/main/resources/corpus) and, in each, the regions the
 * typist deletes at the start and types back: a few whole lines inside a body, chosen from a seed.
 */
final class ReplayCorpus {
    static final List<String> FILES = List.of("human_eval.py", "ModelRouter.java", "gptossClient.ts", "ratelimit.go");
    private static final int MIN_REGION_CHARS = 50;
    private static final int MAX_REGION_CHARS = 260;
    private static final int GAP_LINES = 6;

    /** A typed region of a file: from after the first line's indentation to the end of the last line's text. */
    record Region(int start, int end) {
        int length() {
            return end - start;
        }
    }

    /** One file, its language, its text and the regions typed into it (in file order). */
    record File(String name, String languageId, String text, List<Region> regions) {
        /** The text as the editor opens it: every region deleted. */
        String openedText() {
            var opened = new StringBuilder();
            int at = 0;
            for (Region region : regions) {
                opened.append(text, at, region.start());
                at = region.end();
            }
            return opened.append(text.substring(at)).toString();
        }

        int typedChars() {
            return regions.stream().mapToInt(Region::length).sum();
        }
    }

    private ReplayCorpus() {
    }

    /** Each corpus file's text by name (without the {@code .txt} it is stored with). */
    static Map<String, String> texts() {
        var texts = new LinkedHashMap<String, String>();
        for (String name : FILES) {
            try (InputStream in = ReplayCorpus.class.getResourceAsStream("/corpus/" + name + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("no corpus file " + name + ".txt on the class path");
                }
                texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /** The corpus with {@code regionsPerFile} regions chosen in each file from {@code seed}. */
    static List<File> load(long seed, int regionsPerFile) {
        var files = new ArrayList<File>();
        texts().forEach((name, text) -> files.add(new File(name, languageId(name), text,
                regions(text, regionsPerFile, new SplittableRandom(seed ^ name.hashCode())))));
        return files;
    }

    static String languageId(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "py" -> "python";
            case "ts" -> "typescript";
            case "go" -> "go";
            case "java" -> "java";
            default -> throw new IllegalArgumentException("no language for " + name);
        };
    }

    /**
     * Regions of 2–5 consecutive indented, non-blank, non-comment lines, 50–260 characters, at
     * least six lines apart, in file order.
     */
    static List<Region> regions(String text, int count, SplittableRandom random) {
        String[] lines = text.split("\n", -1);
        int[] lineStart = new int[lines.length + 1];
        for (int i = 0; i < lines.length; i++) {
            lineStart[i + 1] = lineStart[i] + lines[i].length() + 1;
        }
        var chosen = new ArrayList<int[]>();
        for (int attempt = 0; attempt < 2000 && chosen.size() < count; attempt++) {
            int first = random.nextInt(lines.length);
            int size = 2 + random.nextInt(4);
            int last = first + size - 1;
            if (last >= lines.length || !typable(lines, first, last) || near(chosen, first, last)) {
                continue;
            }
            int start = lineStart[first] + indentation(lines[first]);
            int end = lineStart[last] + lines[last].length();
            if (end - start >= MIN_REGION_CHARS && end - start <= MAX_REGION_CHARS) {
                chosen.add(new int[] {first, last, start, end});
            }
        }
        chosen.sort((a, b) -> Integer.compare(a[0], b[0]));
        return chosen.stream().map(c -> new Region(c[2], c[3])).toList();
    }

    private static boolean typable(String[] lines, int first, int last) {
        for (int i = first; i <= last; i++) {
            String line = lines[i];
            String code = line.strip();
            if (code.isEmpty() || indentation(line) == 0 || code.startsWith("//") || code.startsWith("#")
                    || code.startsWith("*") || code.startsWith("/*") || code.startsWith("\"\"\"") || code.startsWith(">>>")) {
                return false;
            }
        }
        return !insideDocstring(lines, first);
    }

    /** Python docstrings: an odd number of triple quotes above means the line is prose. */
    private static boolean insideDocstring(String[] lines, int line) {
        int quotes = 0;
        for (int i = 0; i < line; i++) {
            int at = lines[i].indexOf("\"\"\"");
            while (at >= 0) {
                quotes++;
                at = lines[i].indexOf("\"\"\"", at + 3);
            }
        }
        return quotes % 2 == 1;
    }

    private static boolean near(List<int[]> chosen, int first, int last) {
        return chosen.stream().anyMatch(c -> first <= c[1] + GAP_LINES && last >= c[0] - GAP_LINES);
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
