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
    private static final String PRINT_RULE = """
            {"id": "acme/print", "message": "Use the logger", "severity": "hint",
             "languages": {"python": [{"query": "((call function: (identifier) @hit) @call (#eq? @hit \\"print\\"))",
               "fix": {"title": "Log", "edits": [{"replace": "hit", "with": "logger.info"}]}}]}}""";

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
    void theBuiltInCatalogCompilesWholly() {
        assertEquals(List.of(), LukhasWorkspace.load(Optional.empty()).problems());
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
                  {"id": "acme/broken", "message": "x", "languages": {"python": [{"query": "(call (identifer))"}]}},
                  %s
                ]}""".formatted(PRINT_RULE)));

        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        CatalogProblem problem = loaded.problems().get(0);
        assertEquals("acme/broken", problem.patternId());
        assertTrue(problem.message().contains("acme/broken") && problem.message().contains("identifer"), problem.message());
        DocumentSnapshot doc = LukhasWorkspace.snapshotOf("file:///x.py", "print('hi')\n");
        List<Finding> findings = loaded.catalog().findings(doc);
        assertEquals(List.of("acme/print"), findings.stream().map(f -> f.pattern().id()).toList());
        assertEquals("logger.info('hi')\n", LukhasWorkspace.applied(doc, findings.get(0).fix().orElseThrow().edits()));
        assertTrue(loaded.catalog().pattern("lukhas/bare-except").isPresent(), "built-ins stay");
    }

    @Test
    void aQueryThatDoesNotCompileIsShownAtItsCharacterInTheCatalogFile() {
        String json = """
                {"patterns": [
                  {"id": "acme/typo", "message": "m",
                   "languages": {"python": {"query": "(call function: (identifer) @f)"}}}
                ]}""";
        var loaded = LukhasWorkspace.load(Optional.of(json));

        CatalogProblem problem = loaded.problems().get(0);
        Span range = problem.range().orElseThrow();
        String line = json.lines().toList().get(range.start().line());
        assertEquals("identifer", line.substring(range.start().character(), range.start().character() + 9));
        List<Finding> shown = loaded.catalog().catalogFindings();
        assertEquals(1, shown.size());
        assertEquals(PatternCatalog.CATALOG_PROBLEM, shown.get(0).pattern().id());
        assertEquals(Severity.ERROR, shown.get(0).pattern().severity());
        assertTrue(shown.get(0).pattern().message().contains("no node type \"identifer\""), shown.get(0).pattern().message());
    }

    @Test
    void anEntryWhoseNewQueryFailsKeepsItsPreviousVersion() {
        PatternCatalog before = LukhasWorkspace.load(Optional.of("{\"patterns\": [" + PRINT_RULE + "]}")).catalog();
        String broken = PRINT_RULE.replace("(identifier)", "(identifier");

        var after = LukhasWorkspace.load(Optional.of("{\"patterns\": [" + broken + "]}"), Optional.of(before));

        assertEquals(1, after.problems().size());
        assertTrue(after.problems().get(0).reason().contains("previous version stays"), after.problems().get(0).reason());
        DocumentSnapshot doc = LukhasWorkspace.snapshotOf("file:///x.py", "print('hi')\n");
        assertEquals(List.of("acme/print"), after.catalog().findings(doc).stream().map(f -> f.pattern().id()).toList());
    }

    @Test
    void aCatalogThatNoLongerParsesKeepsThePreviousWorkspacePatterns() {
        PatternCatalog before = LukhasWorkspace.load(Optional.of("{\"patterns\": [" + PRINT_RULE + "]}")).catalog();

        var after = LukhasWorkspace.load(Optional.of("{\"patterns\": [" + PRINT_RULE), Optional.of(before));

        assertEquals(1, after.problems().size());
        assertEquals(null, after.problems().get(0).patternId());
        assertTrue(after.catalog().pattern("acme/print").isPresent());
        assertTrue(after.catalog().pattern("lukhas/bare-except").isPresent());
    }

    @Test
    void aWorkspaceEntryReplacesTheBuiltInWithItsIdAndCanTurnItOff() {
        var loaded = LukhasWorkspace.load(Optional.of("""
                {"patterns": [
                  {"id": "lukhas/hardcoded-service-url", "enabled": false},
                  {"id": "lukhas/bare-except", "message": "Ours", "severity": "error",
                   "languages": {"python": {"query": "(except_clause) @hit"}}}
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
                  {"message": "no id", "languages": {"python": [{"query": "(call) @c"}]}},
                  {"id": "a/regex", "message": "m", "languages": {"python": [{"regex": "x"}]}},
                  {"id": "a/capture", "message": "m", "languages": {"python": [{"query": "(call) @c",
                    "fix": {"title": "t", "edits": [{"replace": "nope", "with": "x"}]}}]}},
                  {"id": "a/predicate", "message": "m", "languages": {"python": [{"query": "((call) @c (#shiny? @c))"}]}},
                  {"id": "a/severity", "message": "m", "severity": "loud", "languages": {"python": [{"query": "(call) @c"}]}},
                  {"id": "a/field", "message": "m", "languages": {"python": [{"querry": "(call) @c"}]}},
                  {"id": "a/grammar", "message": "m", "languages": {"yaml": [{"query": "(call) @c"}]}}
                ]}"""));

        List<String> ids = loaded.problems().stream().map(CatalogProblem::patternId).toList();
        assertEquals(List.of("#1 (no id)", "a/regex", "a/capture", "a/predicate", "a/severity", "a/field", "a/grammar"), ids);
        assertTrue(loaded.problems().get(1).reason().contains("write this rule as a \"query\""));
        assertTrue(loaded.problems().get(2).reason().contains("@nope"));
        assertTrue(loaded.problems().get(3).reason().contains("#shiny?") && loaded.problems().get(3).reason().contains("#resolves-to?"));
        assertTrue(loaded.problems().get(6).reason().contains("no grammar") || loaded.problems().get(6).reason().contains("queries need"));
        assertTrue(loaded.problems().stream().allMatch(p -> p.range().isPresent()), "each is placed in the file");
    }

    @Test
    void plainTextLanguagesStillTakeRegularExpressions() {
        var loaded = LukhasWorkspace.load(Optional.of("""
                {"patterns": [{"id": "acme/latest", "message": "Pin the image", "languages": {"dockerfile": [
                  {"regex": "(?<hit>:latest)\\\\b", "fix": {"title": "Pin", "replace": ":1.2.3"}}]}}]}"""));

        assertEquals(List.of(), loaded.problems());
        DocumentSnapshot doc = DocumentSnapshot.of("file:///Dockerfile", "dockerfile", 1, "FROM ollama/ollama:latest\n");
        Finding finding = loaded.catalog().findings(doc).get(0);
        assertEquals(Span.of(0, 18, 0, 25), finding.range());
    }

    @Test
    void aCatalogThatIsNotJsonIsReportedAndTheBuiltInsStay() {
        var loaded = LukhasWorkspace.load(Optional.of("{not json"));
        assertEquals(1, loaded.problems().size());
        assertEquals(null, loaded.problems().get(0).patternId());
        assertEquals(Span.of(0, 1, 0, 1), loaded.problems().get(0).range().orElseThrow());
        assertEquals(LukhasWorkspace.builtIn().patterns(), loaded.catalog().patterns());
    }

    @Test
    void fixesKeepTheDocumentsLineEnds() {
        DocumentSnapshot doc = LukhasWorkspace.snapshotOf("file:///x.py",
                "def f():\r\n    try:\r\n        g()\r\n    except:\r\n        h()\r\n");
        Finding bare = LukhasWorkspace.builtIn().findings(doc).get(0);
        assertEquals(Span.of(3, 4, 3, 11), bare.range());
        assertEquals("def f():\r\n    try:\r\n        g()\r\n    except Exception as e:\r\n"
                        + "        logger.exception(\"Unexpected error: %s\", e)\r\n        h()\r\n",
                LukhasWorkspace.applied(doc, bare.fix().orElseThrow().edits()));
    }

    @Test
    void rangesAreUtf16AfterAnEmoji() {
        DocumentSnapshot doc = LukhasWorkspace.snapshotOf("file:///x.py",
                "import time\nasync def f():\n    s = '😀'; time.sleep(1)\n");
        Finding sleep = LukhasWorkspace.builtIn().findings(doc).get(0);
        assertEquals(Span.of(2, 14, 2, 24), sleep.range());
        assertTrue(LukhasWorkspace.applied(doc, sleep.fix().orElseThrow().edits())
                .contains("s = '😀'; await asyncio.sleep(1)"));
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
