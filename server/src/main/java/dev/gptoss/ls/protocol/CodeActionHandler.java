package dev.gptoss.ls.protocol;

import dev.gptoss.ls.actions.ActionFailures;
import dev.gptoss.ls.actions.ActionOffer;
import dev.gptoss.ls.actions.ActionRequest;
import dev.gptoss.ls.actions.ModelActionResolver;
import dev.gptoss.ls.actions.ModelActionOutcome;
import dev.gptoss.ls.actions.ModelActionTask;
import dev.gptoss.ls.actions.CodeActions;
import dev.gptoss.ls.actions.Edit;
import dev.gptoss.ls.actions.Span;
import dev.gptoss.ls.actions.TrackedRegion;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.UnknownDocumentException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/codeAction} answers from the pattern scan alone, never a model: quick fixes
 * with their edits, GPT-OSS actions with {@code data} and no edit. {@code codeAction/resolve} runs
 * the model with work-done progress that names the model asked and ends with the outcome;
 * {@code $/cancelRequest} aborts its HTTP request. Typing elsewhere in the document keeps the call
 * and its edit lands on the newer version; an edit of the code being rewritten stops it and says
 * so. Model edits are versioned and marked for confirmation where the editor supports it. Every
 * failure is one message that names its cause and what to do.
 */
final class CodeActionHandler {
    private static final Logger LOG = Logger.getLogger(CodeActionHandler.class.getName());
    private static final String ASK_AGAIN = " Choose the action again to ask for a new answer.";

    private final DocumentStore documents;
    private final CodeActions actions;
    private final ModelActionResolver resolver;
    private final ExecutorService executor;
    private final ActionProgress progress;
    private final Explanations explanations;
    private final RewrittenRegions rewritten;
    private volatile GptossClient client;
    private volatile LspActions.EditSupport editSupport = LspActions.EditSupport.NONE;

    /** @param rewritten the regions being rewritten, which the document events move or stop */
    CodeActionHandler(DocumentStore documents, CodeActions actions, ModelActionResolver resolver,
                      RewrittenRegions rewritten, ExecutorService executor, ActionProgress progress,
                      Explanations explanations) {
        this.documents = documents;
        this.actions = actions;
        this.resolver = resolver;
        this.rewritten = rewritten;
        this.executor = executor;
        this.progress = progress;
        this.explanations = explanations;
    }

    void connect(GptossClient client) {
        this.client = client;
    }

    void clientCapabilities(ClientCapabilities capabilities) {
        editSupport = LspActions.EditSupport.of(capabilities);
    }

    CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        DocumentSnapshot document = snapshot(Positions.uri(Positions.required(params, "params").getTextDocument()));
        var request = new ActionRequest(document, LspActions.span(params.getRange()),
                params.getContext() == null || params.getContext().getDiagnostics() == null ? List.of()
                        : params.getContext().getDiagnostics().stream().filter(d -> d != null && d.getRange() != null)
                                .map(LspActions::contextDiagnostic).toList(),
                params.getContext() == null || params.getContext().getOnly() == null ? List.of()
                        : params.getContext().getOnly());
        return CompletableFutures.computeAsync(executor, cancel -> actions.list(request, cancel::checkCanceled).stream()
                .map(offer -> Either.<Command, CodeAction>forRight(codeAction(document, offer))).toList());
    }

    CompletableFuture<CodeAction> resolve(CodeAction action) {
        Positions.required(action, "params");
        Optional<ModelActionTask> parsed = LspActions.task(action.getData());
        if (parsed.isEmpty() || action.getEdit() != null) {
            return CompletableFuture.completedFuture(action);
        }
        ModelActionTask task = parsed.get();
        Optional<DocumentSnapshot> document = documents.find(task.uri()).filter(d -> d.version() == task.version());
        if (document.isEmpty()) {
            tell(MessageType.Info, "gpt-oss: the document changed since the action was offered; ask for it again.");
            return CompletableFuture.completedFuture(action);
        }
        Span region = resolver.region(task, document.get());
        var tracked = new TrackedRegion(document.get(), region);
        ActionProgress.Task shown = progress.begin("GPT-OSS: " + action.getTitle());
        CompletableFuture<ModelActionOutcome> work = resolver.resolve(task, document.get(), region, shown::report);
        rewritten.watch(task.uri(), tracked, work);
        CompletableFuture<CodeAction> resolved = AsyncRequests.mapOrElse(work,
                outcome -> apply(action, task, tracked, outcome, shown),
                error -> failed(action, task, tracked, error, shown));
        shown.onCancel(() -> resolved.cancel(true));
        resolved.whenComplete((done, error) -> {
            if (error != null) {
                shown.end("Cancelled");
            }
        });
        return resolved;
    }

    private CodeAction apply(CodeAction action, ModelActionTask task, TrackedRegion tracked, ModelActionOutcome outcome,
                             ActionProgress.Task shown) {
        if (outcome instanceof ModelActionOutcome.Replace && tracked.touched()) {
            return stale(action, shown);
        }
        if (outcome instanceof ModelActionOutcome.Replace replace) {
            DocumentSnapshot now = tracked.document();
            int firstLine = tracked.firstLine();
            Optional<String> broken = now.version() == task.version() ? Optional.empty()
                    : resolver.whyNotOffered(now, firstLine, replace.edit());
            if (broken.isPresent()) {
                return declined(action, broken.get() + " with the code as it is now", shown);
            }
            List<Edit> edits = replace.edit().edits(now, firstLine);
            action.setEdit(LspActions.modelEdit(task.uri(), now.version(), edits, editSupport, replace.answeredBy()));
            shown.end("Edit ready (" + edits.size() + (edits.size() == 1 ? " change" : " changes") + "), from "
                    + replace.answeredBy());
        } else if (outcome instanceof ModelActionOutcome.Explanation explanation) {
            boolean shownFile = explanations.show(task.uri(), explanation.region(), explanation.markdown(),
                    explanation.answeredBy()).isPresent();
            shown.end(shownFile ? "Explanation ready, from " + explanation.answeredBy() : "Explanation not written");
        } else if (outcome instanceof ModelActionOutcome.Declined declined) {
            return declined(action, declined.reason() + "; the answer came from " + declined.answeredBy(), shown);
        }
        return action;
    }

    private CodeAction declined(CodeAction action, String reason, ActionProgress.Task shown) {
        tell(MessageType.Info, "gpt-oss: nothing to apply: " + reason + "." + ASK_AGAIN);
        shown.end("Nothing to apply: " + reason);
        return action;
    }

    private CodeAction stale(CodeAction action, ActionProgress.Task shown) {
        tell(MessageType.Info, "gpt-oss: the code GPT-OSS was rewriting changed, so its answer was dropped." + ASK_AGAIN);
        shown.end("Stopped: the code being rewritten changed");
        return action;
    }

    private CodeAction failed(CodeAction action, ModelActionTask task, TrackedRegion tracked, Throwable cause,
                              ActionProgress.Task shown) {
        if (cause instanceof CancellationException) {
            if (tracked.touched()) {
                return stale(action, shown);
            }
            shown.end("Cancelled");
            return action;
        }
        String why = ActionFailures.describe(cause);
        LOG.warning(() -> "Code action " + task.kind().id() + " failed: " + cause);
        tell(MessageType.Warning, "gpt-oss: " + action.getTitle() + " failed: " + why);
        shown.end("Failed: " + why);
        return action;
    }

    private CodeAction codeAction(DocumentSnapshot document, ActionOffer offer) {
        var action = new CodeAction(offer.title());
        action.setKind(offer.kind());
        offer.finding().ifPresent(f -> action.setDiagnostics(List.of(LspActions.diagnostic(f))));
        if (!offer.edits().isEmpty()) {
            action.setEdit(LspActions.workspaceEdit(document.uri(), document.version(), offer.edits(), editSupport));
        }
        offer.task().ifPresent(task -> action.setData(LspActions.data(task)));
        if (offer.preferred()) {
            action.setIsPreferred(true);
        }
        return action;
    }

    private void tell(MessageType type, String message) {
        GptossClient target = client;
        if (target != null) {
            target.showMessage(new MessageParams(type, message));
        }
    }

    private DocumentSnapshot snapshot(String uri) {
        try {
            return documents.snapshot(uri);
        } catch (UnknownDocumentException e) {
            throw Positions.invalidParams(e.getMessage());
        }
    }
}
