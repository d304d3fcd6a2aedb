package dev.gptoss.ls.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.CapturedLog;
import dev.gptoss.ls.CursorFixture;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContextAssemblerTest {
    private static final TokenCounter TOKENS = new TokenCounter();
    private static final int FIXED = 100;

    private static ContextSource many(String source, String path, int count, String text) {
        return source(source, request -> java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new ContextSnippet(source, path, text + " // " + i, i)).toList());
    }

    private static ContextSource source(String name, java.util.function.Function<ContextRequest, List<ContextSnippet>> snippets) {
        return new ContextSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ContextSnippet> collect(ContextRequest request) {
                return snippets.apply(request);
            }
        };
    }

    private static ContextAssembler assembler(int budget, List<ContextSource> sources) {
        return new ContextAssembler(new ContextAssembler.Inputs(CursorWindow.standard(), TOKENS, sources,
                uri -> Optional.empty(), uri -> Optional.empty(), uri -> uri.contains(".env"), uri -> uri,
                () -> budget, () -> FIXED));
    }

    private static int promptTokens(PromptContext context) {
        return FIXED + TOKENS.count(context.contextBlock()) + TOKENS.count(context.cursor().prefix() + context.cursor().suffix());
    }

    @Test
    void thePromptNeverExceedsTheBudgetAndTheCursorTextSurvives() {
        var fixture = CursorFixture.of("def total(items):\n" + "    x = 1\n".repeat(400) + "    return sum(|)\n" + "y = 2\n".repeat(200));
        var sources = List.of(many("scope", "file:///a.py", 5, "class Scope:\n    def method(self): ..."),
                many("definition", "file:///b.py", 200, "def helper(a, b):\n    return a + b"));
        for (int budget : new int[] {300, 700, 2048, 4000}) {
            PromptContext context = assembler(budget, sources).build(fixture.snapshot("python"), fixture.offset());
            assertTrue(promptTokens(context) <= budget, "budget " + budget + ": " + promptTokens(context));
            assertTrue(context.usedTokens() <= budget);
            assertTrue(context.cursor().prefix().endsWith("    return sum("), "cursor text kept at budget " + budget);
            assertTrue(context.cursor().suffix().startsWith(")"));
        }
    }

    @Test
    void theBudgetHoldsInExactO200kTokensOnRealCode() {
        var exact = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        for (Path file : TokenCounterTest.corpus()) {
            String text = TokenCounterTest.read(file);
            var snapshot = new TextDocument(file.toUri().toString(), "plaintext", 1, text).snapshot();
            // snippets from the same file, as "similar code" would bring
            var paragraphs = java.util.Arrays.stream(text.split("\\n\\s*\\n")).limit(60).toList();
            ContextSource similar = new ContextSource() {
                @Override
                public String name() {
                    return "similar";
                }

                @Override
                public List<ContextSnippet> collect(ContextRequest request) {
                    return java.util.stream.IntStream.range(0, paragraphs.size())
                            .mapToObj(i -> new ContextSnippet("similar", "file:///other/" + i, paragraphs.get(i), i)).toList();
                }
            };
            PromptContext context = assembler(2048, List.of(similar)).build(snapshot, text.length() / 2);
            int exactTokens = FIXED + exact.countTokensOrdinary(context.contextBlock())
                    + exact.countTokensOrdinary(context.cursor().prefix() + context.cursor().suffix());
            assertTrue(context.usedTokens() > 1000, file + ": the budget is used (" + context.usedTokens() + ")");
            assertTrue(Math.abs(exactTokens - context.usedTokens()) <= 0.05 * context.usedTokens(),
                    file.getFileName() + ": counted " + context.usedTokens() + ", exactly " + exactTokens);
        }
    }

    @Test
    void higherPrioritySourcesWinAndStableSourcesComeFirst() {
        var fixture = CursorFixture.of("x = |\n");
        var sources = List.of(many("scope", "file:///a.py", 1, "class Scope: ..."),
                many("definition", "file:///b.py", 100, "def helper(a, b):\n    return a + b"));
        PromptContext context = assembler(600, sources).build(fixture.snapshot("python"), fixture.offset());
        String block = context.contextBlock();
        assertTrue(block.contains("class Scope"), "the scope outranks definitions");
        assertTrue(block.indexOf("def helper") < block.indexOf("class Scope"), "definitions are laid out before scopes");
    }

    @Test
    void aFailingSourceLeavesTheOthers() {
        var fixture = CursorFixture.of("x = |\n");
        ContextSource broken = new ContextSource() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<ContextSnippet> collect(ContextRequest request) {
                throw new IllegalStateException("boom");
            }
        };
        try (var log = CapturedLog.of(ContextAssembler.class)) {
            PromptContext context = assembler(2048, List.of(broken, many("definition", "file:///b.py", 1, "def h(): ...")))
                    .build(fixture.snapshot("python"), fixture.offset());
            assertEquals(1, context.pieces().size());
            assertEquals(List.of("Context source broken failed; the prompt goes without it"
                    + " | java.lang.IllegalStateException: boom"), log.messagesWithCauses());
        }
    }

    @Test
    void excludedFilesAreNeverShown() {
        var fixture = CursorFixture.of("x = |\n");
        PromptContext context = assembler(2048, List.of(many("definition", "file:///w/.env", 1, "TOKEN = 'secret'")))
                .build(fixture.snapshot("python"), fixture.offset());
        assertEquals(List.of(), context.pieces());
    }

    @Test
    void aOneMegabyteLineAndBinaryJunkStayWithinTheBudget() {
        String huge = "x".repeat(1_000_000);
        var random = new Random(7);
        var junk = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            junk.append((char) random.nextInt(0xD7FF));
        }
        for (String text : List.of(huge, junk.toString(), huge + "\n" + huge)) {
            DocumentSnapshot snapshot = new TextDocument("file:///big.py", "python", 1, text).snapshot();
            for (int offset : new int[] {0, text.length() / 2, text.length()}) {
                PromptContext context = assembler(2048, List.of()).build(snapshot, offset);
                assertTrue(promptTokens(context) <= 2048, "tokens " + promptTokens(context));
            }
        }
    }

    @Test
    void whileTheCursorStaysNearItsContextStaysTheSameSoThePromptStartsTheSame() {
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        ContextSource changing = source("definition", request -> List.of(new ContextSnippet("definition",
                "file:///b.py", "def helper_" + calls.incrementAndGet() + "(): ...", 0)));
        var document = new TextDocument("file:///a.py", "python", 1, "x = 1\n".repeat(100));
        var assembler = assembler(2048, List.of(changing));

        String first = assembler.build(document.snapshot(), document.snapshot().lineStart(50)).contextBlock();
        String near = assembler.build(document.snapshot(), document.snapshot().lineStart(50 + ContextAssembler.STICKY_LINES))
                .contextBlock();
        String far = assembler.build(document.snapshot(), document.snapshot().lineStart(10)).contextBlock();

        assertEquals(first, near);
        assertTrue(first.contains("helper_1"));
        assertTrue(far.contains("helper_2"), "moved away: the context is collected again: " + far);
    }

    @Test
    void theCodeBeforeTheCursorMovesItsStartInStepsNotWithEveryLine() {
        var document = new TextDocument("file:///a.py", "python", 1, "value = compute(1)\n".repeat(400));
        var assembler = assembler(700, List.of());
        var starts = new java.util.ArrayList<Integer>();
        for (int line = 200; line < 216; line++) {
            PromptContext context = assembler.build(document.snapshot(), document.snapshot().lineStart(line));
            starts.add(line - (int) context.cursor().prefix().chars().filter(c -> c == '\n').count());
        }

        long moves = java.util.stream.IntStream.range(1, starts.size()).filter(i -> !starts.get(i).equals(starts.get(i - 1)))
                .count();
        assertTrue(moves <= 2, "the start moved " + moves + " times in 16 lines: " + starts);
    }
}
