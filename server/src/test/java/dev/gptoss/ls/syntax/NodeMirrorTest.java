package dev.gptoss.ls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gptoss.ls.documents.AppliedEdit;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.documents.TextPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.treesitter.TSTree;

/**
 * The Java copy of a tree after edits, reusing the previous copy, must be exactly the copy read
 * from scratch: same kinds, ranges and fields everywhere.
 */
class NodeMirrorTest {
    private static final String PYTHON = """
            import asyncio
            import requests as rq


            class Gateway:
                \"\"\"Routes requests.\"\"\"

                def __init__(self, url: str = "http://localhost:11434"):
                    self.url = url

                async def call(self, body):
                    try:
                        return rq.post(self.url, json=body,
                                       timeout=None)
                    except:  # legacy
                        pass


            def helper(x):
                return [y * 2 for y in x if y]
            """;
    private static final String TYPESCRIPT = """
            import { CircuitBreaker } from "./breaker";

            export class Client {
              private readonly breaker = new CircuitBreaker();

              async chat(prompt: string): Promise<string> {
                const started = Date.now();
                const answer = await this.breaker.execute(() => fetch(`${base}/v1/chat`, { method: "POST" }));
                return `${answer} after ${Date.now() - started}`;
              }
            }
            """;
    private static final String JAVA = """
            class Timing {
                static long timed(Runnable call) {
                    long start = System.currentTimeMillis();
                    call.run();
                    return System.currentTimeMillis() - start; // ms
                }
            }
            """;
    private static final String[] INSERTS = {"x", " ", "\n", "(", ")", "\"", "'", "\"\"\"", ":", "def f():\n    ",
        "    ", "#", "{", "}", "`", "\r\n", "async ", "😀", "/*", "*/", ",", "=", "\t"};

    private final Grammars grammars = new Grammars();

    @Test
    void pythonEditsGiveTheTreeACopyFromScratchGives() {
        checkRandomEdits("python", PYTHON, 1);
    }

    @Test
    void typescriptEditsGiveTheTreeACopyFromScratchGives() {
        checkRandomEdits("typescript", TYPESCRIPT, 2);
    }

    @Test
    void javaEditsGiveTheTreeACopyFromScratchGives() {
        checkRandomEdits("java", JAVA, 3);
        checkRandomEdits("java", JAVA, 33);
        checkRandomEdits("python", PYTHON, 11);
    }

    @Test
    void editsWhoseTreesNobodyReadAreFoldedIntoTheNextRead() {
        var random = new Random(4);
        var document = new TextDocument("file:///x.py", "python", 1, PYTHON);
        SyntaxTree tree = parse("python", document.snapshot().text(), null, List.of());
        tree.rootNode();
        for (int round = 0; round < 200; round++) {
            List<AppliedEdit> edits = List.of(randomEdit(random, document));
            tree = parse("python", document.snapshot().text(), tree, edits);
            if (round % 5 == 4) {
                assertSameTree(scratch("python", tree.text()), tree.rootNode(), "round " + round);
            }
        }
    }

    @Test
    void severalEditsInOneChangeAreOneDamage() {
        var random = new Random(5);
        var document = new TextDocument("file:///x.ts", "typescript", 1, TYPESCRIPT);
        SyntaxTree tree = parse("typescript", document.snapshot().text(), null, List.of());
        tree.rootNode();
        for (int round = 0; round < 100; round++) {
            var edits = new ArrayList<AppliedEdit>();
            for (int e = 0; e < 3; e++) {
                edits.add(randomEdit(random, document));
            }
            tree = parse("typescript", document.snapshot().text(), tree, edits);
            assertSameTree(scratch("typescript", tree.text()), tree.rootNode(), "round " + round);
        }
    }

    private void checkRandomEdits(String language, String text, long seed) {
        var random = new Random(seed);
        var document = new TextDocument("file:///x", language, 1, text);
        SyntaxTree tree = parse(language, text, null, List.of());
        tree.rootNode();
        for (int round = 0; round < 300; round++) {
            List<AppliedEdit> edits = List.of(randomEdit(random, document));
            tree = parse(language, document.snapshot().text(), tree, edits);
            assertSameTree(scratch(language, tree.text()), tree.rootNode(), "round " + round);
        }
    }

    private static AppliedEdit randomEdit(Random random, TextDocument document) {
        String text = document.snapshot().text();
        int from = random.nextInt(text.length() + 1);
        int to = Math.min(text.length(), from + (random.nextInt(3) == 0 ? random.nextInt(12) : 0));
        if (from < text.length() && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && to > 0 && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        String insert = random.nextInt(4) == 0 ? "" : INSERTS[random.nextInt(INSERTS.length)];
        var snapshot = document.snapshot();
        TextPosition start = snapshot.positionOf(from);
        TextPosition end = snapshot.positionOf(to);
        return document.applyEdit(start, end, insert);
    }

    private SyntaxTree parse(String language, String text, SyntaxTree previous, List<AppliedEdit> edits) {
        var tsLanguage = grammars.forLanguage(language).orElseThrow();
        NodeKinds kinds = grammars.kinds(language).orElseThrow();
        if (previous == null) {
            return new SyntaxTree(language, 1, text, Utf16Parsing.parse(tsLanguage, text, null), kinds);
        }
        TSTree old = previous.tree().copy();
        for (AppliedEdit edit : edits) {
            old.edit(Utf16Parsing.toInputEdit(edit));
        }
        TSTree parsed = Utf16Parsing.parse(tsLanguage, text, old);
        Damage damage = Damage.of(edits);
        for (var changed : TSTree.getChangedRanges(old, parsed)) {
            damage = damage.covering(changed.getStartByte() / 2, changed.getEndByte() / 2);
        }
        return new SyntaxTree(language, 1, text, parsed, kinds, previous, damage);
    }

    private SyntaxNode scratch(String language, String text) {
        return parse(language, text, null, List.of()).rootNode();
    }

    private static void assertSameTree(SyntaxNode expected, SyntaxNode actual, String where) {
        assertEquals(describe(expected), describe(actual), where);
    }

    private static String describe(SyntaxNode node) {
        var out = new StringBuilder();
        describe(node, null, 0, out);
        return out.toString();
    }

    private static void describe(SyntaxNode node, String field, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(field == null ? "" : field + ": ").append(node.type())
                .append(node.named() ? "" : "'").append(' ').append(node.start()).append('-').append(node.end()).append('\n');
        for (int i = 0; i < node.childCount(); i++) {
            describe(node.child(i), node.fieldName(i), depth + 1, out);
        }
    }
}
