package dev.gptoss.bench.actions;

import dev.gptoss.ls.actions.SyntaxCheck;
import dev.gptoss.ls.actions.TreeSitterSyntaxCheck;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether the server's Python check agrees with Python's own parser: the Python files of a folder,
 * each as it is and broken in a few ways a model breaks code (lines or blocks indented or dedented,
 * a header's colon, an {@code except} or {@code try} dropped, a stray {@code else}, a bracket or
 * quote), are judged by {@link TreeSitterSyntaxCheck} and by {@code python3 -c ast.parse}. A file
 * Python rejects but the check lets through is the miss that matters: such an edit would be offered.
 * The command is in docs/benchmarks.md.
 */
public final class ParseAgreement {
    private static final int MAX_FILES = 400;
    private static final int MUTANTS = 5;

    private ParseAgreement() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ParseAgreement FOLDER_OF_PYTHON_FILES [SEED]");
            System.exit(2);
        }
        var random = new Random(args.length > 1 ? Long.parseLong(args[1]) : 21);
        Path out = Files.createTempDirectory("gptoss-parse-agreement");
        List<Path> written = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            sources = files.filter(p -> p.toString().endsWith(".py")).sorted().limit(MAX_FILES).toList();
        }
        for (Path source : sources) {
            String text;
            try {
                text = Files.readString(source);
            } catch (IOException e) {
                continue; // not UTF-8
            }
            List<String> lines = List.of(text.split("\n", -1));
            written.add(write(out, written.size(), text));
            for (int m = 0; m < MUTANTS; m++) {
                written.add(write(out, written.size(), String.join("\n", mutant(lines, random))));
            }
        }
        Set<Path> pythonRejects = pythonRejects(written);
        SyntaxCheck check = new TreeSitterSyntaxCheck(new SyntaxTrees(new Grammars()));
        int[][] table = new int[2][2];
        var misses = new ArrayList<String>();
        for (Path file : written) {
            boolean python = !pythonRejects.contains(file);
            boolean ours = check.problems("python", Files.readString(file)).isEmpty();
            table[python ? 0 : 1][ours ? 0 : 1]++;
            if (python != ours && misses.size() < 10) {
                misses.add(file + ": Python " + (python ? "parses" : "rejects") + ", the check "
                        + (ours ? "passes" : "rejects"));
            }
        }
        System.out.printf("%d files (%d sources, %d broken copies each), seed %s%n", written.size(), sources.size(),
                MUTANTS, args.length > 1 ? args[1] : "21");
        System.out.printf("| | the check passes | the check rejects |%n|---|---|---|%n");
        System.out.printf("| Python parses | %d | %d |%n| Python rejects | %d | %d |%n",
                table[0][0], table[0][1], table[1][0], table[1][1]);
        misses.forEach(System.out::println);
    }

    private static List<String> mutant(List<String> lines, Random random) {
        var out = new ArrayList<>(lines);
        var code = new ArrayList<Integer>();
        for (int i = 0; i < out.size(); i++) {
            if (!out.get(i).isBlank() && !out.get(i).strip().startsWith("#")) {
                code.add(i);
            }
        }
        if (code.isEmpty()) {
            return out;
        }
        int at = code.get(random.nextInt(code.size()));
        String line = out.get(at);
        switch (random.nextInt(11)) {
            case 0 -> out.set(at, line.startsWith("    ") ? line.substring(4) : line);
            case 1 -> out.set(at, List.of("    ", "  ", "\t", " ").get(random.nextInt(4)) + line);
            case 2 -> out.remove(at);
            case 3 -> shiftBlock(out, at, 2 + random.nextInt(5), false);
            case 4 -> shiftBlock(out, at, 2 + random.nextInt(5), true);
            case 5 -> out.set(at, line.stripTrailing().replaceAll(":$", ""));
            case 6 -> removeFirst(out, random, "except", "finally");
            case 7 -> removeFirst(out, random, "try");
            case 8 -> out.add(at, line.substring(0, line.length() - line.stripLeading().length()) + "else:");
            case 9 -> out.set(at, line + (random.nextBoolean() ? ")" : "'"));
            default -> out.set(at, line.replaceFirst(" {8}", "\t"));
        }
        return out;
    }

    private static void shiftBlock(List<String> lines, int from, int count, boolean right) {
        for (int i = from; i < Math.min(lines.size(), from + count); i++) {
            String line = lines.get(i);
            if (right && !line.isBlank()) {
                lines.set(i, "    " + line);
            } else if (!right && line.startsWith("    ")) {
                lines.set(i, line.substring(4));
            }
        }
    }

    private static void removeFirst(List<String> lines, Random random, String... keywords) {
        var found = new ArrayList<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            for (String keyword : keywords) {
                if (text.startsWith(keyword)) {
                    found.add(i);
                }
            }
        }
        if (!found.isEmpty()) {
            lines.remove((int) found.get(random.nextInt(found.size())));
        }
    }

    private static Path write(Path dir, int n, String text) throws IOException {
        Path file = dir.resolve("f" + n + ".py");
        Files.writeString(file, text);
        return file;
    }

    private static Set<Path> pythonRejects(List<Path> files) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("python3", "-c", """
                import ast, sys
                for name in sys.argv[1:]:
                    try:
                        ast.parse(open(name, encoding="utf-8").read(), name)
                    except SyntaxError:
                        print(name)
                """));
        files.forEach(f -> command.add(f.toString()));
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (python.waitFor() != 0) {
            throw new IllegalStateException("python3 failed: " + output);
        }
        var rejected = new HashSet<Path>();
        output.lines().map(Path::of).forEach(rejected::add);
        return rejected;
    }
}
