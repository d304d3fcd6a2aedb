package dev.gptoss.ls.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusionRulesTest {
    @TempDir
    Path root;

    @Test
    void aNestedGitignoreExcludesOnlyInItsOwnSubtree() throws IOException {
        write("app/.gitignore", "generated.py\n/local.py\n");

        ExclusionRules rules = ExclusionRules.of(root, List.of());

        assertTrue(rules.excluded(root.resolve("app/generated.py")));
        assertTrue(rules.excluded(root.resolve("app/deep/er/generated.py")), "a name pattern applies at any depth below");
        assertFalse(rules.excluded(root.resolve("generated.py")), "not above its directory");
        assertFalse(rules.excluded(root.resolve("lib/generated.py")), "not beside it");
        assertTrue(rules.excluded(root.resolve("app/local.py")), "a pattern with / is anchored to its directory");
        assertFalse(rules.excluded(root.resolve("app/deep/local.py")));
    }

    @Test
    void aDeeperNegationReIncludesWhatAShallowerFileExcluded() throws IOException {
        write(".gitignore", "*_pb2.py\n");
        write("proto/.gitignore", "!keep_pb2.py\n");

        ExclusionRules rules = ExclusionRules.of(root, List.of());

        assertFalse(rules.excluded(root.resolve("proto/keep_pb2.py")));
        assertFalse(rules.excluded(root.resolve("proto/v1/keep_pb2.py")));
        assertTrue(rules.excluded(root.resolve("proto/other_pb2.py")));
        assertTrue(rules.excluded(root.resolve("keep_pb2.py")), "the negation holds only below its own file");
    }

    @Test
    void nothingInsideADirectoryAParentExcludedCanBeReIncluded() throws IOException {
        write(".gitignore", "build/\n!build/keep.py\n");
        write("build/.gitignore", "!keep.py\n");

        ExclusionRules rules = ExclusionRules.of(root, List.of());

        assertTrue(rules.excludedDirectory(root.resolve("build")));
        assertTrue(rules.excluded(root.resolve("build/keep.py")));
        assertTrue(rules.excluded(root.resolve("build/sub/keep.py")));
        assertFalse(rules.excluded(root.resolve("src/build.py")), "build/ matches directories only");
    }

    @Test
    void aDirectoryExcludedByItsContentsPatternStaysOpenToNegations() throws IOException {
        write(".gitignore", "out/*\n!out/keep/\n");

        ExclusionRules rules = ExclusionRules.of(root, List.of());

        assertFalse(rules.excludedDirectory(root.resolve("out")));
        assertFalse(rules.excluded(root.resolve("out/keep/main.py")));
        assertTrue(rules.excluded(root.resolve("out/other/main.py")));
    }

    @Test
    void configuredGlobsWinOverEveryGitignore() throws IOException {
        write(".gitignore", "!*.pem\n");
        write("certs/.gitignore", "!server.pem\n*.py\n");

        ExclusionRules rules = ExclusionRules.of(root, List.of("*.pem", "!notes.py"));

        assertTrue(rules.excluded(root.resolve("certs/server.pem")), "a .gitignore cannot re-include a configured glob");
        assertTrue(rules.excluded(root.resolve("certs/notes.py")),
                "a configured negation takes back only configured globs, not the .gitignore");
    }

    @Test
    void gitInfoExcludeAppliesBelowEveryGitignore() throws IOException {
        write(".git/info/exclude", "scratch_*.py\n");
        write("tools/.gitignore", "!scratch_keep.py\n");

        ExclusionRules rules = ExclusionRules.of(root, List.of());

        assertTrue(rules.excluded(root.resolve("scratch_a.py")));
        assertTrue(rules.excluded(root.resolve("tools/scratch_b.py")));
        assertFalse(rules.excluded(root.resolve("tools/scratch_keep.py")));
    }

    @Test
    void globSyntaxOfGitignore() throws IOException {
        write(".gitignore", "# a comment\n\ndocs/**/draft_*.md\nlog[0-9].txt\n\\#hash.py\ntrailing.py   \n");

        ExclusionRules rules = ExclusionRules.of(root, List.of());

        assertTrue(rules.excluded(root.resolve("docs/draft_a.md")));
        assertTrue(rules.excluded(root.resolve("docs/x/y/draft_b.md")));
        assertFalse(rules.excluded(root.resolve("src/docs/draft_c.md")), "anchored to the root");
        assertTrue(rules.excluded(root.resolve("a/log7.txt")));
        assertFalse(rules.excluded(root.resolve("a/logx.txt")));
        assertTrue(rules.excluded(root.resolve("#hash.py")));
        assertTrue(rules.excluded(root.resolve("trailing.py")), "trailing spaces are not part of the pattern");
    }

    @Test
    void documentsAreJudgedByUriAndOutsideTheRootByName() throws IOException {
        write("app/.gitignore", "private.py\n");
        write(".gitignore", "local_settings.py\n");

        ExclusionRules rules = ExclusionRules.of(root, List.of(".env*"));

        assertTrue(rules.excludedUri(root.resolve("app/private.py").toUri().toString()));
        assertFalse(rules.excludedUri(root.resolve("app/public.py").toUri().toString()));
        assertTrue(rules.excludedUri("file:///elsewhere/.env.local"));
        assertTrue(rules.excludedUri("file:///elsewhere/local_settings.py"), "the root's patterns, by name");
        assertFalse(rules.excludedUri("file:///elsewhere/private.py"), "a nested file's patterns stay in its subtree");
        assertTrue(rules.excludedUri("untitled:.env"));
    }

    @Test
    void aPatternThatBacktracksWithoutEndExcludesInsteadOfHanging() throws IOException {
        write(".gitignore", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n");

        ExclusionRules rules = ExclusionRules.of(root, List.of());

        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertTrue(rules.excluded(root.resolve("a".repeat(200) + ".py"))));
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
