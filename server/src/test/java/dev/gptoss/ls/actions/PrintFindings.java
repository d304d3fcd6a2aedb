package dev.gptoss.ls.actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Prints the built-in catalog's findings for every source file of a folder, one
 * {@code file:line:pattern} a line, for comparing with another linter's output
 * (scripts/ruff-agreement). Run from the benchmark jar, which carries the test classes:
 * {@code java -cp bench-jmh/target/bench-jmh.jar dev.gptoss.ls.actions.PrintFindings DIR}.
 */
public final class PrintFindings {
    private PrintFindings() {
    }

    public static void main(String[] args) throws IOException {
        PatternCatalog catalog = LukhasWorkspace.builtIn();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.sorted().filter(f -> LukhasWorkspace.languageOf(f.toString()) != null).toList()) {
                var document = LukhasWorkspace.snapshotOf(file.toUri().toString(), Files.readString(file));
                for (Finding finding : catalog.findings(document)) {
                    System.out.println(file.getFileName() + ":" + (finding.range().start().line() + 1) + ":"
                            + finding.pattern().id().substring("lukhas/".length()));
                }
            }
        }
        LukhasWorkspace.TREES.close();
    }
}
