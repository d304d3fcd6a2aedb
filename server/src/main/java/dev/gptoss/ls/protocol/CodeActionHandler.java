package dev.gptoss.ls.protocol;

import dev.gptoss.ls.actions.ActionOffer;
import dev.gptoss.ls.actions.ActionRequest;
import dev.gptoss.ls.actions.AiActionResolver;
import dev.gptoss.ls.actions.AiOutcome;
import dev.gptoss.ls.actions.AiTask;
import dev.gptoss.ls.actions.CodeActions;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.UnknownDocumentException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;
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
 * the model on the strong tier with work-done progress; {@code $/cancelRequest} aborts its HTTP
 * request, and a newer document version returns the action without an edit and says why.
 */
final class CodeActionHandler {
    private static final Logger LOG = Logger.getLogger(CodeActionHandler.class.getName());

    private final DocumentStore documents;
    private final CodeActions actions;
    private final AiActionResolver resolver;
    private final PendingRequests pending;
    private final ExecutorService executor;
    private final ActionProgress progress;
    private final Explanations explanations;
    private volatile GptossClient client;

    CodeActionHandler(DocumentStore documents, CodeActions actions, AiActionResolver resolver, PendingRequests pending,
                      ExecutorService executor, ActionProgress progress, Explanations explanations) {
        this.documents = documents;
        this.actions = actions;
        this.resolver = resolver;
        this.pending = pending;
        this.executor = executor;
        this.progress = progress;
        this.explanations = explanations;
    }

    void connect(GptossClient client) {
        this.client = client;
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
                .map(offer -> Either.<Command, CodeAction>forRight(codeAction(document.uri(), offer))).toList());
    }

    CompletableFuture<CodeAction> resolve(CodeAction action) {
        Positions.required(action, "params");
        Optional<AiTask> parsed = LspActions.task(action.getData());
        if (parsed.isEmpty() || action.getEdit() != null) {
            return CompletableFuture.completedFuture(action);
        }
        AiTask task = parsed.get();
        Optional<DocumentSnapshot> document = documents.find(task.uri()).filter(d -> d.version() == task.version());
        if (document.isEmpty()) {
            tell(MessageType.Info, "gpt-oss: the document changed since the action was offered; ask for it again.");
            return CompletableFuture.completedFuture(action);
        }
        ActionProgress.Task shown = progress.begin("GPT-OSS: " + action.getTitle());
        CompletableFuture<AiOutcome> work = pending.track(task.uri(), resolver.resolve(task, document.get(), shown::report));
        CompletableFuture<CodeAction> resolved = AsyncRequests.mapOrElse(work, outcome -> apply(action, task, outcome),
                error -> failed(action, task, error));
        shown.onCancel(() -> resolved.cancel(true));
        resolved.whenComplete((done, error) -> shown.end(error == null ? "Done" : "Cancelled"));
        return resolved;
    }

    private CodeAction apply(CodeAction action, AiTask task, AiOutcome outcome) {
        if (!stillCurrent(task)) {
            tell(MessageType.Info, "gpt-oss: the document changed while GPT-OSS was writing; ask for the action again.");
            return action;
        }
        if (outcome instanceof AiOutcome.Replace replace) {
            action.setEdit(LspActions.workspaceEdit(task.uri(), List.of(replace.edit())));
        } else if (outcome instanceof AiOutcome.Explanation explanation) {
            explanations.show(task, explanation.markdown());
        } else if (outcome instanceof AiOutcome.Declined declined) {
            tell(MessageType.Info, "gpt-oss: " + declined.reason() + ".");
        }
        return action;
    }

    private CodeAction failed(CodeAction action, AiTask task, Throwable cause) {
        if (cause instanceof CancellationException) {
            if (!stillCurrent(task)) {
                tell(MessageType.Info, "gpt-oss: the document changed while GPT-OSS was writing; ask for the action again.");
            }
            return action;
        }
        LOG.warning(() -> "Code action " + task.kind().id() + " failed: " + cause);
        tell(MessageType.Warning, "gpt-oss: " + action.getTitle() + " failed: " + cause.getMessage());
        return action;
    }

    private static CodeAction codeAction(String uri, ActionOffer offer) {
        var action = new CodeAction(offer.title());
        action.setKind(offer.kind());
        offer.finding().ifPresent(f -> action.setDiagnostics(List.of(LspActions.diagnostic(f))));
        if (!offer.edits().isEmpty()) {
            action.setEdit(LspActions.workspaceEdit(uri, offer.edits()));
        }
        offer.task().ifPresent(task -> action.setData(LspActions.data(task)));
        if (offer.preferred()) {
            action.setIsPreferred(true);
        }
        return action;
    }

    private boolean stillCurrent(AiTask task) {
        return documents.currentVersion(task.uri()).map(v -> v == task.version()).orElse(false);
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
