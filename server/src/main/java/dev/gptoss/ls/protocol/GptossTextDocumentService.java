package dev.gptoss.ls.protocol;

import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.DocumentStore.Change;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.InlineCompletionList;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Document sync and document requests; each feature lives in its own handler. */
final class GptossTextDocumentService implements TextDocumentService {
    private final DocumentStore documents;
    private final InlineCompletionHandler completions;
    private final CodeActionHandler codeActions;
    private final Consumer<String> saved;

    /** @param saved told the URI of each saved document */
    GptossTextDocumentService(DocumentStore documents, InlineCompletionHandler completions,
                              CodeActionHandler codeActions, Consumer<String> saved) {
        this.documents = documents;
        this.completions = completions;
        this.codeActions = codeActions;
        this.saved = saved;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        documents.open(item.getUri(), item.getLanguageId(), item.getVersion(), item.getText());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        var changes = params.getContentChanges().stream().map(GptossTextDocumentService::toChange).toList();
        documents.change(params.getTextDocument().getUri(), params.getTextDocument().getVersion(), changes);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        documents.close(params.getTextDocument().getUri());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text is already in sync through didChange; only who saved what matters.
        saved.accept(params.getTextDocument().getUri());
    }

    @Override
    public CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> inlineCompletion(
            InlineCompletionParams params) {
        return completions.inline(params);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return completions.completion(params);
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return codeActions.codeAction(params);
    }

    @Override
    public CompletableFuture<CodeAction> resolveCodeAction(CodeAction unresolved) {
        return codeActions.resolve(unresolved);
    }

    private static Change toChange(TextDocumentContentChangeEvent event) {
        if (event.getRange() == null) {
            return Change.wholeText(event.getText());
        }
        return new Change(Positions.of(event.getRange().getStart()), Positions.of(event.getRange().getEnd()),
                event.getText() == null ? "" : event.getText());
    }
}
