package dev.gptoss.ls.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fixtures under test-workspace/lukhas-rules: each line marked {@code expect: <pattern>} is
 * reported with exactly those patterns, and no other line is reported.
 */
class RuleFixturesTest {
    static final Path ROOT = LukhasWorkspace.ROOT.resolveSibling("lukhas-rules");
    private static final Pattern EXPECT = Pattern.compile("expect: ([\\w-]+(?:, [\\w-]+)*)");

    @TestFactory
    Stream<DynamicTest> eachFixtureIsReportedOnItsMarkedLinesOnly() {
        PatternCatalog catalog = LukhasWorkspace.builtIn();
        return fixtures().map(file -> DynamicTest.dynamicTest(ROOT.relativize(file).toString(), () -> {
            String text = Files.readString(file);
            DocumentSnapshot document = LukhasWorkspace.snapshotOf(file.toUri().toString(), text);
            assertEquals(expected(text), reported(catalog.findings(document)), file.toString());
        }));
    }

    @Test
    void everyPatternHasEachKindOfFixture() {
        for (LukhasPattern pattern : LukhasWorkspace.builtIn().patterns()) {
            Path folder = ROOT.resolve(pattern.id().substring("lukhas/".length()));
            for (String kind : List.of("positive", "negative", "aliases", "strings_and_comments", "multiline", "nested")) {
                assertTrue(Files.isRegularFile(folder.resolve(kind + ".py")), folder + " has " + kind + ".py");
            }
        }
    }

    static Stream<Path> fixtures() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).filter(f -> LukhasWorkspace.languageOf(f.toString()) != null)
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TreeSet<String> expected(String text) {
        var expected = new TreeSet<String>();
        List<String> lines = text.lines().toList();
        for (int line = 0; line < lines.size(); line++) {
            Matcher marker = EXPECT.matcher(lines.get(line));
            if (marker.find()) {
                for (String id : marker.group(1).split(", ")) {
                    expected.add((line + 1) + " lukhas/" + id);
                }
            }
        }
        return expected;
    }

    static TreeSet<String> reported(List<Finding> findings) {
        var reported = new TreeSet<String>();
        for (Finding finding : findings) {
            reported.add((finding.range().start().line() + 1) + " " + finding.pattern().id());
        }
        return reported;
    }
}
