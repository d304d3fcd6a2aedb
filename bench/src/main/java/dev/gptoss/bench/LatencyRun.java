package dev.gptoss.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

/**
 * Typing in one open document, one completion at a time: each step inserts a fresh line such as
 * {@code value_17 = } somewhere else in a method body (an incremental didChange) and asks for an
 * inline completion at its end. Every prefix is new, so no cache can answer. The clock runs from
 * just before the didChange is written to the moment the response is read, as the editor sees it.
 */
final class LatencyRun {
    private static final int STRIDE = 389;
    /** A server that stopped answering would otherwise cost a timeout for every remaining request. */
    private static final int MAX_FAILURES_IN_A_ROW = 5;

    private final LanguageServer server;
    private final String uri;
    private final List<String> lines;
    private final Duration requestTimeout;
    private int version = 1;
    private int edits;

    LatencyRun(LanguageServer server, String uri, List<String> text, Duration requestTimeout) {
        this.server = server;
        this.uri = uri;
        this.lines = new ArrayList<>(text);
        this.requestTimeout = requestTimeout;
    }

    /**
     * What came back from {@code count} completions. The wall-clock times (epoch nanoseconds) of each
     * answered request line up with the fake backend's own timestamps, to split the latency.
     */
    record Result(long[] latencyNanos, long[] sentEpochNanos, long[] receivedEpochNanos, int empty, int failed) {
        int answered() {
            return latencyNanos.length;
        }
    }

    void open() {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "python", version, String.join("\n", lines))));
    }

    Result run(int count) {
        var latencies = new long[count];
        var sentAt = new long[count];
        var receivedAt = new long[count];
        int answered = 0;
        int empty = 0;
        int failed = 0;
        int failedInARow = 0;
        for (int i = 0; i < count && failedInARow < MAX_FAILURES_IN_A_ROW; i++) {
            Edit edit = insertFreshLine();
            var params = new InlineCompletionParams(new TextDocumentIdentifier(uri), edit.cursor(),
                    new InlineCompletionContext(InlineCompletionTriggerKind.Automatic));
            var received = new long[2];
            long sent = System.nanoTime();
            long sentWall = epochNanos();
            server.getTextDocumentService().didChange(edit.change());
            CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> request =
                    server.getTextDocumentService().inlineCompletion(params);
            // Waiting on the whenComplete stage, not on the request, guarantees the timestamp is written.
            var timed = request.whenComplete((r, e) -> {
                received[0] = System.nanoTime();
                received[1] = epochNanos();
            });
            try {
                var answer = timed.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
                latencies[answered] = received[0] - sent;
                sentAt[answered] = sentWall;
                receivedAt[answered++] = received[1];
                failedInARow = 0;
                if (!hasText(answer)) {
                    empty++;
                }
            } catch (TimeoutException e) {
                request.cancel(true);
                failed++;
                failedInARow++;
            } catch (ExecutionException e) {
                failed++;
                failedInARow++;
                System.err.println("inlineCompletion failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return new Result(Arrays.copyOf(latencies, answered), Arrays.copyOf(sentAt, answered),
                Arrays.copyOf(receivedAt, answered), empty, failed);
    }

    private record Edit(DidChangeTextDocumentParams change, Position cursor) {
    }

    /** Inserts {@code value_N = } above a statement in a method body, indented like it; the cursor ends the line. */
    private Edit insertFreshLine() {
        List<Integer> statements = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("        ") && !lines.get(i).isBlank()) {
                statements.add(i);
            }
        }
        int line = statements.get((edits * STRIDE) % statements.size());
        String statement = lines.get(line);
        String typed = statement.substring(0, statement.length() - statement.stripLeading().length())
                + "value_" + edits + " = ";
        edits++;
        lines.add(line, typed);
        var at = new Position(line, 0);
        var change = new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
                List.of(new TextDocumentContentChangeEvent(new Range(at, at), typed + "\n")));
        return new Edit(change, new Position(line, typed.length()));
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static boolean hasText(Either<List<InlineCompletionItem>, InlineCompletionList> answer) {
        if (answer == null) {
            return false;
        }
        List<InlineCompletionItem> items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
        return items != null && items.stream().anyMatch(item -> item.getInsertText() != null
                && !(item.getInsertText().isLeft() ? item.getInsertText().getLeft()
                        : item.getInsertText().getRight().getValue()).isEmpty());
    }
}
