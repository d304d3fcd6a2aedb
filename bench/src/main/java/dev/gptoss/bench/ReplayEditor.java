package dev.gptoss.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionContext;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.CompletionTriggerKind;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InlineCompletionContext;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.InlineCompletionList;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The editor side of the replay for one language server: documents opened and edited as VS Code
 * syncs them, and one suggestion asked for after each change, either as LSP 3.18 inline
 * completion (gptoss-ls) or as completion items (tabby-agent's LSP mode, which offers only those).
 */
abstract class ReplayEditor {
    /** A suggestion as ghost text: what it inserts at the cursor, and what the editor runs when it is accepted. */
    record Ghost(String text, Runnable onAccept) {
    }

    /** One request in flight: cancelling it sends {@code $/cancelRequest}. */
    record Request(CompletableFuture<?> lsp, CompletableFuture<Optional<Ghost>> answer) {
        void cancel() {
            lsp.cancel(true);
        }
    }

    protected final LanguageServer server;

    ReplayEditor(LanguageServer server) {
        this.server = server;
    }

    void open(String uri, String languageId, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    }

    void insert(String uri, int version, Position at, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(new Range(at, at), text))));
    }

    /** Asks for a suggestion at {@code at}; {@code lineBeforeCursor} is the text of its line up to the cursor. */
    abstract Request suggest(String uri, Position at, String lineBeforeCursor);

    /** The suggestion's text without what it repeats of the line before the cursor; empty if it does not start with it. */
    static Optional<String> insertedAtCursor(String newText, Position rangeStart, Position at, String lineBeforeCursor) {
        if (rangeStart.getLine() != at.getLine() || rangeStart.getCharacter() > at.getCharacter()) {
            return Optional.empty();
        }
        String replaced = lineBeforeCursor.substring(rangeStart.getCharacter());
        return newText.startsWith(replaced) && newText.length() > replaced.length()
                ? Optional.of(newText.substring(replaced.length())) : Optional.empty();
    }

    /** VS Code's inline completion, with the item's command run on accept. */
    static final class Inline extends ReplayEditor {
        Inline(LanguageServer server) {
            super(server);
        }

        @Override
        Request suggest(String uri, Position at, String lineBeforeCursor) {
            CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> lsp =
                    server.getTextDocumentService().inlineCompletion(new InlineCompletionParams(
                            new TextDocumentIdentifier(uri), at,
                            new InlineCompletionContext(InlineCompletionTriggerKind.Automatic)));
            return new Request(lsp, lsp.thenApply(answer -> {
                List<InlineCompletionItem> items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
                if (items.isEmpty()) {
                    return Optional.empty();
                }
                InlineCompletionItem item = items.get(0);
                String text = item.getInsertText().isLeft() ? item.getInsertText().getLeft()
                        : item.getInsertText().getRight().getValue();
                Position start = item.getRange() == null ? at : item.getRange().getStart();
                return insertedAtCursor(text, start, at, lineBeforeCursor).map(t -> new Ghost(t, run(item.getCommand())));
            }));
        }

        private Runnable run(Command command) {
            return command == null ? () -> { } : () -> server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams(command.getCommand(), command.getArguments()));
        }
    }

    /** Completion items, taken as ghost text: tabby-agent's LSP mode. */
    static final class Items extends ReplayEditor {
        Items(LanguageServer server) {
            super(server);
        }

        @Override
        Request suggest(String uri, Position at, String lineBeforeCursor) {
            var params = new CompletionParams(new TextDocumentIdentifier(uri), at,
                    new CompletionContext(CompletionTriggerKind.Invoked));
            CompletableFuture<Either<List<CompletionItem>, CompletionList>> lsp =
                    server.getTextDocumentService().completion(params);
            return new Request(lsp, lsp.thenApply(answer -> {
                List<CompletionItem> items = answer == null ? List.of()
                        : answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
                if (items.isEmpty() || items.get(0).getTextEdit() == null || !items.get(0).getTextEdit().isLeft()) {
                    return Optional.empty();
                }
                TextEdit edit = items.get(0).getTextEdit().getLeft();
                return insertedAtCursor(edit.getNewText(), edit.getRange().getStart(), at, lineBeforeCursor)
                        .map(t -> new Ghost(t, () -> { }));
            }));
        }
    }
}
