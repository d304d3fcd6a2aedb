package dev.gptoss.ls.actions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.cache.SemanticAnswerCache;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextPosition;
import dev.gptoss.ls.routing.ModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a model-made action: the instruction and the code region go to the strong tier; the answer
 * becomes the edit the model meant ({@link AnswerEdits}), offered only if the document still parses
 * with it. "Explain" answers with Markdown instead. An answer that is declined is dropped from the
 * cache, and asking again asks the model again, a little warmer each time. Cancelling the returned
 * future aborts the model call.
 */
public final class ModelActionResolver {
    private static final int MAX_FUNCTION_LINES = 150;
    private static final int REPORT_EVERY_CHARS = 400;
    /** The temperature of the first request, and of each request after an answer was declined. */
    private static final double[] TEMPERATURES = {0.2, 0.6, 0.9};

    private final ModelEditRequester model;
    private final AnswerEdits edits;
    private final Function<String, Optional<LukhasPattern>> patterns;
    private final SemanticAnswerCache answers;
    /** How many answers were declined for a prompt lately. */
    private final Cache<String, Integer> declined = Caffeine.newBuilder()
            .maximumSize(256).expireAfterWrite(Duration.ofMinutes(30)).build();

    public ModelActionResolver(ModelEditRequester model, SyntaxCheck syntax,
                            Function<String, Optional<LukhasPattern>> patterns, SemanticAnswerCache answers) {
        this.model = model;
        this.edits = new AnswerEdits(syntax);
        this.patterns = patterns;
        this.answers = answers;
    }

    /**
     * @param region whole lines, from {@link #region}
     * @param progress receives short progress lines: the model asked (again after a fallback), then
     *                 how much it has written
     */
    public CompletableFuture<ModelActionOutcome> resolve(ModelActionTask task, DocumentSnapshot document, Span region,
                                                Consumer<String> progress) {
        String code = text(document, region);
        String question = instruction(task, document);
        var scope = new SemanticAnswerCache.Scope(model.model().orElse(""), "low", "explain", document.languageId(), code);
        if (task.kind() == ModelActionTask.Kind.EXPLAIN) {
            Optional<String> known = answers.find(scope, question);
            if (known.isPresent()) {
                progress.accept("Answered from an earlier explanation of the same code");
                return CompletableFuture.completedFuture(
                        new ModelActionOutcome.Explanation(known.get(), region, "an earlier answer about the same code"));
            }
        }
        List<ChatMessage> messages = List.of(
                new ChatMessage("system", task.kind() == ModelActionTask.Kind.EXPLAIN ? EXPLAIN_SYSTEM : EDIT_SYSTEM),
                new ChatMessage("user", question + "\n\nFile: " + document.uri() + " ("
                        + document.languageId() + "), lines " + (region.start().line() + 1) + "-"
                        + (region.end().line() + 1) + ":\n```" + document.languageId() + "\n" + code + "\n```"));
        String prompt = task.kind().id() + "\u0000" + messages.get(1).content();
        double temperature = TEMPERATURES[Math.min(declined.asMap().getOrDefault(prompt, 0), TEMPERATURES.length - 1)];
        var callProgress = new CallProgress(progress);
        CompletableFuture<ModelEditRequester.ModelAnswer> call = model.request(messages, document.languageId(),
                document.uri(), temperature, callProgress, callProgress::asking);
        CompletableFuture<ModelActionOutcome> outcome = call.thenApply(answer -> {
            String by = describe(answer.instance());
            ModelActionOutcome result = task.kind() == ModelActionTask.Kind.EXPLAIN
                    ? explanation(answer.generation().text(), region, by)
                    : edits.read(document, region, answer.generation().text(),
                            "length".equals(answer.generation().finishReason()), by);
            if (result instanceof ModelActionOutcome.Declined) {
                model.forget(answer);
                declined.asMap().merge(prompt, 1, Integer::sum);
            } else if (result instanceof ModelActionOutcome.Explanation explanation) {
                answers.put(scope, question, explanation.markdown());
            }
            return result;
        });
        outcome.whenComplete((o, e) -> {
            if (outcome.isCancelled()) {
                call.cancel(true);
            }
        });
        return outcome;
    }

    /**
     * Why the edit may not be offered on {@code document}, whose region now starts at {@code firstLine}:
     * a problem the compiler would report in the rewritten lines, or one more problem elsewhere than
     * the document had. Empty when it parses as well as the document did.
     */
    public Optional<String> whyNotOffered(DocumentSnapshot document, int firstLine, ProposedEdit edit) {
        return edits.whyNotOffered(document, firstLine, edit);
    }

    private static ModelActionOutcome explanation(String text, Span region, String by) {
        String markdown = text.strip();
        return markdown.isEmpty()
                ? new ModelActionOutcome.Declined("GPT-OSS gave an empty explanation", by)
                : new ModelActionOutcome.Explanation(markdown, region, by);
    }

    /** Progress lines of one model call: each model asked (the next after a fallback), then how much it wrote. */
    private static final class CallProgress implements TextSink {
        private final Consumer<String> progress;
        private ModelInstance asked;
        private int written;

        CallProgress(Consumer<String> progress) {
            this.progress = progress;
        }

        synchronized void asking(ModelInstance instance) {
            if (asked == null) {
                progress.accept("Asking " + describe(instance));
            } else if (!asked.equals(instance)) {
                progress.accept(describe(asked) + " did not answer; asking " + describe(instance));
            }
            asked = instance;
        }

        @Override
        public synchronized boolean accept(String delta) {
            int before = written / REPORT_EVERY_CHARS;
            written += delta.length();
            if (before == 0 && written == delta.length() || written / REPORT_EVERY_CHARS != before) {
                progress.accept("Writing… " + written + " characters");
            }
            return true;
        }
    }

    /** "gpt-oss:120b on box (strong tier)": the model, where it runs, and its tier. */
    static String describe(ModelInstance instance) {
        return instance.model() + " on " + instance.endpoint().name() + " (" + instance.tier().id() + " tier)";
    }

    private String instruction(ModelActionTask task, DocumentSnapshot document) {
        return switch (task.kind()) {
            case FIX -> task.diagnostic().map(d -> "Fix this problem reported on line " + (d.range().start().line() + 1)
                    + (d.source() == null ? "" : " by " + d.source()) + (d.code() == null ? "" : " (" + d.code() + ")")
                    + ": " + d.message()).orElse("Fix the problem in this code.");
            case PATTERN -> task.patternId().flatMap(patterns).flatMap(p -> p.instruction()
                    .map(i -> "LUKHAS pattern " + p.id() + " at line " + (task.range().start().line() + 1) + ": " + i))
                    .orElse("Fix the LUKHAS pattern " + task.patternId().orElse("") + " in this code.");
            case DOCSTRING -> "Add a concise docstring (or doc comment, as is idiomatic for " + document.languageId()
                    + ") to the function or class in this code, describing what it does, its parameters and its result."
                    + " Change nothing else.";
            case EXPLAIN -> "Explain this code.";
        };
    }

    /** Whole lines: the Python function around the range when there is one, else the range's lines. */
    public Span region(ModelActionTask task, DocumentSnapshot document) {
        int first = Math.min(task.range().start().line(), document.lineCount() - 1);
        int last = Math.min(Math.max(first, task.range().end().line()), document.lineCount() - 1);
        if (document.languageId().equals("python")) {
            int line = first;
            Optional<PythonScopes.Function> function = PythonScopes.functionAt(document, line)
                    .or(() -> PythonScopes.enclosingFunction(document, line));
            if (function.isPresent() && function.get().lastLine() >= last
                    && function.get().lastLine() - function.get().headerLine() < MAX_FUNCTION_LINES) {
                first = function.get().headerLine();
                last = function.get().lastLine();
            }
        }
        return new Span(new TextPosition(first, 0),
                new TextPosition(last, document.lineContentEnd(last) - document.lineStart(last)));
    }

    private static String text(DocumentSnapshot document, Span span) {
        return document.slice(offset(document, span.start()), offset(document, span.end()));
    }

    private static int offset(DocumentSnapshot document, TextPosition position) {
        return document.lineStart(position.line()) + position.character();
    }

    private static final String EDIT_SYSTEM = """
            You are GPT-OSS inside a code editor, working on LUKHAS service code. You get a region of a file \
            and an instruction. Answer with the complete replacement for the whole region in one fenced code \
            block, keeping its indentation, and nothing else. Change only what the instruction needs.""";

    private static final String EXPLAIN_SYSTEM = """
            You are GPT-OSS inside a code editor, working on LUKHAS service code. Explain the code you are given \
            to a developer of the service, in Markdown: what it does, then any problem you see. Be brief.""";
}
