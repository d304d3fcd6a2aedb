package dev.gptoss.ls.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PatternCatalogTest {

    @Test
    void everyBuiltInPatternIsFoundInTheTestWorkspaceAtTheExpectedRanges() throws IOException {
        PatternCatalog catalog = LukhasWorkspace.builtIn();
        var found = new ArrayList<String>();
        for (String file : LukhasWorkspace.sourceFiles()) {
            for (Finding f : catalog.findings(LukhasWorkspace.snapshot(file))) {
                found.add(file + " " + f.range().start() + "-" + f.range().end() + " " + f.pattern().id());
            }
        }
        assertEquals(expectedFindings(), found);
        Set<String> ids = found.stream().map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(catalog.patterns().stream().map(LukhasPattern::id).toList()), ids,
                "every built-in pattern occurs in the test workspace");
    }

    @Test
    void cleanFilesHaveNoFindings() {
        PatternCatalog catalog = LukhasWorkspace.builtIn();
        List<String> clean = LukhasWorkspace.sourceFiles().stream()
                .filter(f -> f.substring(f.lastIndexOf('/') + 1).toLowerCase().startsWith("clean")).toList();
        assertEquals(4, clean.size(), clean.toString());
        for (String file : clean) {
            assertEquals(List.of(), catalog.findings(LukhasWorkspace.snapshot(file)), file);
        }
    }

    @Test
    void aBrokenEntryIsReportedWithItsIdAndTheOthersKeepWorking() {
        var loaded = LukhasWorkspace.load(Optional.of("""
                {"patterns": [
                  {"id": "acme/broken", "message": "x", "languages": {"python": [{"regex": "(unclosed"}]}},
                  {"id": "acme/print", "message": "Use the logger", "severity": "hint",
                   "languages": {"python": [{"regex": "\\\\bprint\\\\(", "fix": {"title": "Log", "replace": "logger.info("}}]}}
                ]}"""));

        assertEquals(1, loaded.problems().size());
        CatalogProblem problem = loaded.problems().get(0);
        assertEquals("acme/broken", problem.patternId());
        assertTrue(problem.message().contains("acme/broken") && problem.message().contains("regex"), problem.message());
        DocumentSnapshot doc = LukhasWorkspace.snapshotOf("file:///x.py", "print('hi')\n");
        List<Finding> findings = loaded.catalog().findings(doc);
        assertEquals(List.of("acme/print"), findings.stream().map(f -> f.pattern().id()).toList());
        assertEquals("logger.info(", findings.get(0).fix().orElseThrow().edit().newText());
        assertTrue(loaded.catalog().pattern("lukhas/bare-except").isPresent(), "built-ins stay");
    }

    @Test
    void aWorkspaceEntryReplacesTheBuiltInWithItsIdAndCanTurnItOff() {
        var loaded = LukhasWorkspace.load(Optional.of("""
                {"patterns": [
                  {"id": "lukhas/hardcoded-service-url", "enabled": false},
                  {"id": "lukhas/bare-except", "message": "Ours", "severity": "error",
                   "languages": {"python": {"regex": "(?<hit>except):"}}}
                ]}"""));

        assertEquals(List.of(), loaded.problems());
        assertTrue(loaded.catalog().pattern("lukhas/hardcoded-service-url").isEmpty());
        var bare = loaded.catalog().pattern("lukhas/bare-except").orElseThrow();
        assertEquals(Severity.ERROR, bare.severity());
        assertEquals(Optional.empty(), bare.href(), "a workspace pattern is not described by the built-in docs");
    }

    @Test
    void problemsNameWhatIsWrong() {
        var loaded = LukhasWorkspace.load(Optional.of("""
                {"patterns": [
                  {"message": "no id", "languages": {"python": [{"regex": "x"}]}},
                  {"id": "a/query", "message": "m", "languages": {"python": [{"query": "(call) @c"}]}},
                  {"id": "a/group", "message": "m", "languages": {"python": [{"regex": "x", "fix": {"title": "t", "replace": "${nope}"}}]}},
                  {"id": "a/severity", "message": "m", "severity": "loud", "languages": {"python": [{"regex": "x"}]}},
                  {"id": "a/field", "message": "m", "languages": {"python": [{"regexp": "x"}]}}
                ]}"""));

        List<String> ids = loaded.problems().stream().map(CatalogProblem::patternId).toList();
        assertEquals(List.of("#1 (no id)", "a/query", "a/group", "a/severity", "a/field"), ids);
        assertTrue(loaded.problems().get(1).reason().contains("tree-sitter"));
        assertTrue(loaded.problems().get(2).reason().contains("${nope}"));
    }

    @Test
    void aCatalogThatIsNotJsonIsReportedAndTheBuiltInsStay() {
        var loaded = LukhasWorkspace.load(Optional.of("{not json"));
        assertEquals(1, loaded.problems().size());
        assertEquals(null, loaded.problems().get(0).patternId());
        assertEquals(LukhasWorkspace.builtIn().patterns(), loaded.catalog().patterns());
    }

    @Test
    void fixesKeepTheDocumentsLineEnds() {
        DocumentSnapshot doc = LukhasWorkspace.snapshotOf("file:///x.py",
                "def f():\r\n    try:\r\n        g()\r\n    except:\r\n        h()\r\n");
        Finding bare = LukhasWorkspace.builtIn().findings(doc).get(0);
        assertEquals(Span.of(3, 4, 3, 11), bare.range());
        assertEquals("    except Exception as e:\r\n        logger.exception(\"Unexpected error: %s\", e)\r\n        ",
                bare.fix().orElseThrow().edit().newText());
    }

    @Test
    void asyncScopeIsFoundByIndentation() {
        DocumentSnapshot doc = LukhasWorkspace.snapshotOf("file:///x.py", """
                import time
                async def poll():
                    for i in range(3):
                        # waiting
                        time.sleep(1)
                def wait():
                    time.sleep(1)
                """);
        List<Finding> findings = LukhasWorkspace.builtIn().findings(doc);
        assertEquals(1, findings.size());
        assertEquals(4, findings.get(0).range().start().line());
    }

    @Test
    void aLineRangeScansOnlyMatchesStartingThere() {
        DocumentSnapshot doc = LukhasWorkspace.snapshot("python/health_checker.py");
        List<Finding> line30 = LukhasWorkspace.builtIn().findings(doc, 30, 30);
        assertEquals(List.of("lukhas/http-call-without-timeout", "lukhas/blocking-call-in-async"),
                line30.stream().map(f -> f.pattern().id()).toList());
    }

    private static List<String> expectedFindings() throws IOException {
        try (InputStream in = PatternCatalogTest.class.getResourceAsStream("/lukhas/expected-findings.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
