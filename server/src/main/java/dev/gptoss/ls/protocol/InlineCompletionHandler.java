package dev.gptoss.ls.protocol;

import dev.gptoss.ls.completion.CompletionQuery;
import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.completion.Suggestion;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.UnknownDocumentException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.InlineCompletionList;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/inlineCompletion}, and the same suggestion as a completion item for editors
 * without inline completion. The document is read on the calling thread, so the answer is about
 * the text the editor had when it asked; an answer for a version that has since changed is dropped.
 */
final class InlineCompletionHandler {
    private static final Logger LOG = Logger.getLogger(InlineCompletionHandler.class.getName());
    private static final int LABEL_LENGTH = 60;

    private final DocumentStore documents;
    private final InlineCompletions completions;
    private final PendingRequests pending;

    InlineCompletionHandler(DocumentStore documents, InlineCompletions completions, PendingRequests pending) {
        this.documents = documents;
        this.completions = completions;
        this.pending = pending;
    }

    CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> inline(InlineCompletionParams params) {
        Positions.required(params, "params");
        String uri = Positions.uri(params.getTextDocument());
        boolean automatic = params.getContext() == null
                || params.getContext().getTriggerKind() != InlineCompletionTriggerKind.Invoked;
        Position position = params.getPosition();
        DocumentSnapshot document = snapshot(uri);
        int offset = Positions.offset(document, position);
        return AsyncRequests.map(suggest(new CompletionQuery(document, offset, automatic)), found -> {
            List<InlineCompletionItem> items = found.map(s -> List.of(inlineItem(s, uri, position))).orElse(List.of());
            return Either.<List<InlineCompletionItem>, InlineCompletionList>forRight(new InlineCompletionList(items));
        });
    }

    CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = Positions.uri(Positions.required(params, "params").getTextDocument());
        Position position = params.getPosition();
        DocumentSnapshot document = snapshot(uri);
        int offset = Positions.offset(document, position);
        String word = wordBefore(document, offset);
        return AsyncRequests.map(suggest(new CompletionQuery(document, offset, false)), found -> {
            List<CompletionItem> items = found.map(s -> List.of(item(s, word, position))).orElse(List.of());
            return Either.<List<CompletionItem>, CompletionList>forRight(new CompletionList(true, items));
        });
    }

    private CompletableFuture<Optional<Suggestion>> suggest(CompletionQuery query) {
        DocumentSnapshot document = query.document();
        CompletableFuture<Optional<Suggestion>> work = pending.track(document.uri(), completions.complete(query));
        return AsyncRequests.mapOrElse(work,
                found -> stillCurrent(document) ? found : Optional.<Suggestion>empty(),
                error -> {
                    if (!(error instanceof java.util.concurrent.CancellationException)) {
                        LOG.log(Level.WARNING, "Completion failed; answering with no suggestion", error);
                    }
                    return Optional.empty();
                });
    }

    private boolean stillCurrent(DocumentSnapshot document) {
        return documents.currentVersion(document.uri()).map(v -> v == document.version()).orElse(false);
    }

    private DocumentSnapshot snapshot(String uri) {
        try {
            return documents.snapshot(uri);
        } catch (UnknownDocumentException e) {
            throw Positions.invalidParams(e.getMessage());
        }
    }

    /** The suggestion as ghost text at {@code position}, with the command that tells the server it was accepted. */
    static InlineCompletionItem inlineItem(Suggestion suggestion, String uri, Position position) {
        var item = new InlineCompletionItem();
        item.setInsertText(suggestion.text());
        item.setRange(Positions.emptyRange(position));
        item.setCommand(AcceptedSuggestionCommand.forSuggestion(uri, position, suggestion.text()));
        return item;
    }

    /** The suggestion as a completion item replacing {@code word}, the part of a word typed before the cursor. */
    static CompletionItem item(Suggestion suggestion, String word, Position position) {
        String firstLine = suggestion.text().strip().lines().findFirst().orElse("");
        var item = new CompletionItem(word + (firstLine.length() > LABEL_LENGTH
                ? firstLine.substring(0, LABEL_LENGTH) + "…" : firstLine));
        item.setKind(CompletionItemKind.Text);
        item.setDetail("gpt-oss · " + suggestion.model());
        item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, "```\n" + word + suggestion.text() + "\n```"));
        item.setInsertTextFormat(InsertTextFormat.PlainText);
        var start = new Position(position.getLine(), position.getCharacter() - word.length());
        item.setTextEdit(Either.forLeft(new TextEdit(new Range(start, position), word + suggestion.text())));
        item.setFilterText(word + suggestion.text());
        item.setSortText("0");
        item.setPreselect(true);
        return item;
    }

    private static String wordBefore(DocumentSnapshot document, int offset) {
        int start = offset;
        while (start > 0 && (Character.isLetterOrDigit(document.charAt(start - 1)) || document.charAt(start - 1) == '_')) {
            start--;
        }
        return document.slice(start, offset);
    }
}
