package dev.gptoss.ls.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The shapes a model's answer comes in, each turned into the edit it meant on LUKHAS's gateway.py,
 * where the region is the method {@code generate} of a class: the fix replaces a bare except.
 */
class AnswerEditsTest {
    private static final SyntaxTrees TREES = new SyntaxTrees(new Grammars());
    private static final AnswerEdits EDITS = new AnswerEdits(new TreeSitterSyntaxCheck(TREES));
    private static final String TEXT = LukhasWorkspace.read("python/gateway.py");
    private static final DocumentSnapshot DOCUMENT = DocumentSnapshot.of("file:///lukhas/python/gateway.py", "python", 1, TEXT);
    private static final PythonScopes.Function GENERATE = PythonScopes.functionAt(DOCUMENT,
            TEXT.lines().toList().indexOf("    async def generate(self, request: dict) -> dict:")).orElseThrow();
    private static final Span REGION = Span.of(GENERATE.headerLine(), 0, GENERATE.lastLine(),
            DOCUMENT.lineText(GENERATE.lastLine()).length());
    private static final String ORIGINAL = lines(TEXT, GENERATE.headerLine(), GENERATE.lastLine());
    private static final String FIXED = ORIGINAL.replace("        except:\n",
            "        except Exception as e:\n            logger.exception(\"model call failed: %s\", e)\n");
    private static final String EXPECTED = TEXT.replace(ORIGINAL, FIXED);

    @AfterAll
    static void close() {
        TREES.close();
    }

    @Test
    void aFencedAnswerLandsAsTheMinimalEdit() {
        ModelActionOutcome.Replace replace = replaced("```python\n" + FIXED + "\n```");
        assertEquals(EXPECTED, applied(replace));
        List<Edit> edits = replace.edit().edits(DOCUMENT, GENERATE.headerLine());
        assertEquals(1, edits.size(), "only the changed lines are edited: " + edits);
        assertEquals(GENERATE.headerLine() + 7, edits.get(0).range().start().line());
    }

    @Test
    void bareCodeKeepsItsFirstLinesIndentation() {
        assertEquals(EXPECTED, applied(replaced(FIXED)));
    }

    @Test
    void bareCodeWhoseFirstLineLostItsIndentationLandsAtTheRegions() {
        assertEquals(EXPECTED, applied(replaced(FIXED.stripLeading())));
    }

    @Test
    void aBlockAtColumnZeroOrDedentedByOneLevelIsPutBackInItsClass() {
        assertEquals(EXPECTED, applied(replaced("```python\n" + dedent(FIXED, 4) + "\n```")));
        assertEquals(EXPECTED, applied(replaced("```\n" + dedent(FIXED, 2) + "\n```")));
    }

    @Test
    void aWholeFileAnswerIsReducedToTheRegion() {
        ModelActionOutcome.Replace replace = replaced("Here is the whole file:\n```python\n" + EXPECTED + "```\n");
        assertEquals(EXPECTED, applied(replace));
        assertEquals(1, replace.edit().edits(DOCUMENT, GENERATE.headerLine()).size());
    }

    @Test
    void repeatedImportsAndClassHeaderAreDropped() {
        String answer = "```python\nimport time\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n"
                + "class GptOssGateway:\n" + FIXED + "\n```";
        assertEquals(EXPECTED, applied(replaced(answer)));
    }

    @Test
    void theNextMethodRepeatedAfterTheRegionIsDropped() {
        String answer = "```python\n" + FIXED + "\n\n    async def generate_guarded(self, request: dict) -> dict:\n```";
        assertEquals(EXPECTED, applied(replaced(answer)));
    }

    @Test
    void ofABeforeAndAnAfterBlockTheAfterLands() {
        String answer = "Before:\n```python\n" + ORIGINAL + "\n```\nAfter:\n```python\n" + FIXED + "\n```\n";
        assertEquals(EXPECTED, applied(replaced(answer)));
    }

    @Test
    void proseAroundBareCodeIsLeftOut() {
        String answer = "Here is the fixed method:\n\n" + FIXED + "\n\nThis logs the failure instead of hiding it.\n";
        assertEquals(EXPECTED, applied(replaced(answer)));
    }

    @Test
    void anAnswerWithWindowsLineEndsLandsWithTheDocuments() {
        assertEquals(EXPECTED, applied(replaced("```python\r\n" + FIXED.replace("\n", "\r\n") + "\r\n```")));
    }

    @Test
    void bodyLinesUnderIndentedAreNeverOffered() {
        String broken = FIXED.replace("            result = await", "        result = await");
        assertTrue(declined("```python\n" + broken + "\n```").contains("does not parse"));
        String leaves = FIXED.replace("        self.cache[key] = result\n        return result",
                "    self.cache[key] = result\n    return result");
        assertTrue(declined("```python\n" + leaves + "\n```").contains("leaves the function"));
    }

    @Test
    void anAnswerWithOnlyTheChangedLinesIsNotMistakenForTheWholeFunction() {
        String reason = declined("```python\nexcept Exception as e:\n    logger.exception(\"failed\")\n```");
        assertTrue(reason.contains("does not contain `def generate`"), reason);
    }

    @Test
    void anAnswerThatAlsoChangesCodeOutsideTheRegionIsRefused() {
        String reason = declined("```python\n" + EXPECTED.replace("import time\n", "import time\nimport contextlib\n")
                + "```");
        assertTrue(reason.contains("outside the lines it was given"), reason);
        assertTrue(reason.contains("import contextlib"), reason);
    }

    @Test
    void theRegionAsItStandsIsNoChangeAndACutOffAnswerIsNotGuessedAt() {
        assertEquals("GPT-OSS proposed no change", declined("```python\n" + ORIGINAL + "\n```"));
        var cutOff = EDITS.read(DOCUMENT, REGION, "```python\n" + FIXED.substring(0, FIXED.length() / 2), true, "m");
        assertTrue(((ModelActionOutcome.Declined) cutOff).reason().contains("cut off"));
    }

    @Test
    void anAnswerThatEndsInsideItsCodeBlockIsNotOfferedEvenIfWhatCameParses() {
        String half = String.join("\n", FIXED.lines().limit(5).toList());
        assertTrue(declined("Here it is:\n```python\n" + half).contains("ends inside its code block"));
    }

    @Test
    void aJavaMethodGetsItsDocCommentAtTheMethodsIndentation() {
        String java = LukhasWorkspace.read("java/ModelGatewayClient.java");
        var document = DocumentSnapshot.of("file:///Client.java", "java", 1, java);
        int chat = java.lines().toList().indexOf("    public String chat(String body) throws IOException, InterruptedException {");
        var region = Span.of(chat, 0, chat, document.lineText(chat).length());
        String answer = "```java\n/** Sends a chat request to the gateway and returns its body. */\n"
                + "public String chat(String body) throws IOException, InterruptedException {\n```";

        var outcome = assertInstanceOf(ModelActionOutcome.Replace.class, EDITS.read(document, region, answer, false, "m"));

        assertEquals(java.replace("    public String chat(", "    /** Sends a chat request to the gateway and returns its body. */\n"
                + "    public String chat("), apply(java, outcome.edit().edits(document, chat)));
    }

    @Test
    void aNewHelperAfterTheFunctionIsKeptAsPartOfTheEdit() {
        String helper = "\n\n    def _log_failure(self, error):\n        logger.exception(\"model call failed: %s\", error)";
        assertEquals(EXPECTED.replace(FIXED, FIXED + helper), applied(replaced("```python\n" + FIXED + helper + "\n```")));
    }

    @Test
    void aFileThatDidNotParseBeforeIsJudgedOnlyByTheRewrittenLines() {
        String text = TEXT.replace("self.cache = {}", "self.cache = = {}");
        var document = DocumentSnapshot.of("file:///x.py", "python", 1, text);
        var outcome = EDITS.read(document, REGION, "```python\n" + FIXED + "\n```", false, "m");
        assertInstanceOf(ModelActionOutcome.Replace.class, outcome, outcome.toString());
    }

    private static ModelActionOutcome.Replace replaced(String answer) {
        ModelActionOutcome outcome = EDITS.read(DOCUMENT, REGION, answer, false, "gpt-oss:20b");
        return assertInstanceOf(ModelActionOutcome.Replace.class, outcome, outcome.toString());
    }

    private static String declined(String answer) {
        ModelActionOutcome outcome = EDITS.read(DOCUMENT, REGION, answer, false, "gpt-oss:20b");
        return assertInstanceOf(ModelActionOutcome.Declined.class, outcome, outcome.toString()).reason();
    }

    private static String applied(ModelActionOutcome.Replace replace) {
        return apply(TEXT, replace.edit().edits(DOCUMENT, GENERATE.headerLine()));
    }

    /** Applies non-overlapping edits, last first, to text with \n line ends. */
    static String apply(String text, List<Edit> edits) {
        var sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((Edit e) -> offset(text, e.range().start().line(), e.range().start().character()))
                .reversed());
        String result = text;
        for (Edit edit : sorted) {
            result = result.substring(0, offset(result, edit.range().start().line(), edit.range().start().character()))
                    + edit.newText()
                    + result.substring(offset(result, edit.range().end().line(), edit.range().end().character()));
        }
        return result;
    }

    private static int offset(String text, int line, int character) {
        int offset = 0;
        for (int l = 0; l < line; l++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + character;
    }

    private static String lines(String text, int first, int last) {
        return text.lines().skip(first).limit(last - first + 1L).collect(Collectors.joining("\n"));
    }

    private static String dedent(String code, int columns) {
        return code.lines().map(l -> l.length() >= columns && l.substring(0, columns).isBlank() ? l.substring(columns) : l)
                .collect(Collectors.joining("\n"));
    }
}
