package dev.gptoss.ls.routing;

import java.time.Duration;

/**
 * What the router needs to know about a request to choose where it goes.
 *
 * @param multiLine the answer is expected to span lines (a block, a refactoring)
 * @param contextChars characters of code sent along
 * @param documentUri the document it is about, for prompt-cache affinity; null for none
 * @param deadlineNanos {@link System#nanoTime()} by which the answer must be there
 */
public record RouteRequest(RequestKind kind, boolean multiLine, int contextChars, String languageId,
                           String documentUri, long deadlineNanos) {

    public static RouteRequest within(Duration budget, RequestKind kind, boolean multiLine, int contextChars,
                                      String languageId, String documentUri) {
        return new RouteRequest(kind, multiLine, contextChars, languageId, documentUri,
                System.nanoTime() + budget.toNanos());
    }

    public boolean automatic() {
        return kind == RequestKind.AUTOMATIC_COMPLETION;
    }

    public long remainingNanos(long nowNanos) {
        return deadlineNanos - nowNanos;
    }
}
