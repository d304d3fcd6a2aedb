package dev.gptoss.ls.actions;

import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.cache.SemanticAnswerCache;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextPosition;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a model-made action: the instruction and the code region go to the strong tier; a fenced
 * code block in the answer replaces the region, if the document still parses with it. "Explain"
 * answers with Markdown instead. Cancelling the returned future aborts the model call.
 */
public final class AiActionResolver {
    private static final Pattern FENCE = Pattern.compile("```[\\w+#.-]*[ \\t]*\\r?\\n(.*?)\\r?\\n?[ \\t]*```", Pattern.DOTALL);
    private static final int MAX_FUNCTION_LINES = 150;
    private static final int REPORT_EVERY_CHARS = 400;

    private final ModelEditRequester model;
    private final SyntaxCheck syntax;
    private final Function<String, Optional<LukhasPattern>> patterns;
    private final SemanticAnswerCache answers;

    public AiActionResolver(ModelEditRequester model, SyntaxCheck syntax,
                            Function<String, Optional<LukhasPattern>> patterns, SemanticAnswerCache answers) {
        this.model = model;
        this.syntax = syntax;
        this.patterns = patterns;
        this.answers = answers;
    }

    /** @param progress receives short progress lines while the model writes */
    public CompletableFuture<AiOutcome> resolve(AiTask task, DocumentSnapshot document, Consumer<String> progress) {
        Span region = region(task, document);
        String code = text(document, region);
        String question = instruction(task, document);
        var scope = new SemanticAnswerCache.Scope(model.model().orElse(""), "low", "explain", document.languageId(), code);
        if (task.kind() == AiTask.Kind.EXPLAIN) {
            Optional<String> known = answers.find(scope, question);
            if (known.isPresent()) {
                progress.accept("Answered from an earlier explanation of the same code");
                return CompletableFuture.completedFuture(new AiOutcome.Explanation(known.get()));
            }
        }
        List<ChatMessage> messages = List.of(
                new ChatMessage("system", task.kind() == AiTask.Kind.EXPLAIN ? EXPLAIN_SYSTEM : EDIT_SYSTEM),
                new ChatMessage("user", question + "\n\nFile: " + document.uri() + " ("
                        + document.languageId() + "), lines " + (region.start().line() + 1) + "-"
                        + (region.end().line() + 1) + ":\n```" + document.languageId() + "\n" + code + "\n```"));
        progress.accept("Asking " + model.model().orElse("the strong model"));
        var written = new int[1];
        CompletableFuture<Generation> call = model.request(messages, document.languageId(), document.uri(), delta -> {
            int before = written[0] / REPORT_EVERY_CHARS;
            written[0] += delta.length();
            if (written[0] / REPORT_EVERY_CHARS != before || before == 0 && written[0] == delta.length()) {
                progress.accept("Writing… " + written[0] + " characters");
            }
            return true;
        });
        CompletableFuture<AiOutcome> outcome = call.thenApply(g -> {
            if (task.kind() != AiTask.Kind.EXPLAIN) {
                return edit(document, region, code, g.text());
            }
            answers.put(scope, question, g.text().strip());
            return new AiOutcome.Explanation(g.text().strip());
        });
        outcome.whenComplete((o, e) -> {
            if (outcome.isCancelled()) {
                call.cancel(true);
            }
        });
        return outcome;
    }

    private AiOutcome edit(DocumentSnapshot document, Span region, String original, String answer) {
        Matcher fence = FENCE.matcher(answer);
        String replacement = fence.find() ? fence.group(1) : answer.strip();
        replacement = replacement.replaceAll("\\r?\\n", document.lineSeparator());
        if (replacement.isBlank()) {
            return new AiOutcome.Declined("GPT-OSS gave no code for this action");
        }
        if (replacement.equals(original)) {
            return new AiOutcome.Declined("GPT-OSS proposed no change");
        }
        int from = offset(document, region.start());
        int to = offset(document, region.end());
        String after = document.text().substring(0, from) + replacement + document.text().substring(to);
        // A file that did not parse before is judged by brackets alone: its errors are not the model's.
        if (!syntax.parses(document.languageId(), after) && syntax.parses(document.languageId(), document.text())) {
            return new AiOutcome.Declined("GPT-OSS's edit does not parse, so it is not offered");
        }
        return new AiOutcome.Replace(new Edit(region, replacement));
    }

    private String instruction(AiTask task, DocumentSnapshot document) {
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
    static Span region(AiTask task, DocumentSnapshot document) {
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
