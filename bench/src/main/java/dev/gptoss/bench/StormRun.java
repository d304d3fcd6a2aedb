package dev.gptoss.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
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
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;

/** Types keys at a fixed pace, as an editor reports them: a change, a completion request, the previous one cancelled. */
final class StormRun {
    /** Text with no "s", so no key ever continues the suggestion the fake gives ("sum(...)"). */
    private static final String OTHER_TEXT = "total_amount_due_for_order_with_every_item_taken_into_account_";
    private static final int LINE = 1;
    private static final int START_COLUMN = 11;

    enum Typing { OTHER_TEXT, THE_SUGGESTION }

    /** One storm; the epoch times line up with the fake backend's, to split the last key's wait. */
    record Result(int keys, long lastKeyToSuggestionNanos, boolean finalShown, long lastKeyEpochNanos,
                  long suggestionEpochNanos) {
    }

    private final LanguageServer server;
    private final String uri;
    private int version = 1;

    StormRun(LanguageServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    Result type(int keys, Duration perKey, Typing typing, String suggestion) throws Exception {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "python", version, "def total(order):\n    return \n")));
        String text = typing == Typing.THE_SUGGESTION ? suggestion : OTHER_TEXT.repeat(keys / OTHER_TEXT.length() + 1);
        // The suggestion is asked for where typing starts; the keys then follow it (or not) while it streams.
        CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> previous =
                server.getTextDocumentService().inlineCompletion(new InlineCompletionParams(
                        new TextDocumentIdentifier(uri), new Position(LINE, START_COLUMN),
                        new InlineCompletionContext(InlineCompletionTriggerKind.Automatic)));
        long next = System.nanoTime() + perKey.toNanos();
        long lastKey = 0;
        long lastKeyEpoch = 0;
        for (int i = 0; i < keys; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += perKey.toNanos();
            lastKey = System.nanoTime();
            lastKeyEpoch = LatencyRun.epochNanos();
            var at = new Position(LINE, START_COLUMN + i);
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, ++version),
                    List.of(new TextDocumentContentChangeEvent(new Range(at, at), text.substring(i, i + 1)))));
            previous.cancel(true);
            previous = server.getTextDocumentService().inlineCompletion(new InlineCompletionParams(
                    new TextDocumentIdentifier(uri), new Position(LINE, START_COLUMN + i + 1),
                    new InlineCompletionContext(InlineCompletionTriggerKind.Automatic)));
        }
        var last = previous.get(10, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - lastKey;
        long answeredEpoch = LatencyRun.epochNanos();
        var items = last.isLeft() ? last.getLeft() : last.getRight().getItems();
        return new Result(keys, elapsed, !items.isEmpty(), lastKeyEpoch, answeredEpoch);
    }
}
