package dev.gptoss.ls.protocol;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Server-initiated work-done progress ({@code window/workDoneProgress/create}, then begin, report
 * and end over {@code $/progress}), for clients that declared {@code window.workDoneProgress}.
 * The notifications of one task go out in order, after the client has accepted its token.
 */
final class ActionProgress {
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Runnable> cancels = new ConcurrentHashMap<>();
    private volatile GptossClient client;
    private volatile boolean supported;

    void connect(GptossClient client) {
        this.client = client;
    }

    void clientSupportsProgress(boolean supported) {
        this.supported = supported;
    }

    Task begin(String title) {
        GptossClient target = client;
        if (target == null || !supported) {
            return new Task(null, null);
        }
        String token = "gptoss-action-" + ids.incrementAndGet();
        var task = new Task(target, token);
        task.chain = target.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token)));
        var begin = new WorkDoneProgressBegin();
        begin.setTitle(title);
        begin.setCancellable(true);
        task.send(begin);
        return task;
    }

    /** The user pressed cancel on the progress ({@code window/workDoneProgress/cancel}). */
    void cancel(String token) {
        Runnable cancel = cancels.remove(token);
        if (cancel != null) {
            cancel.run();
        }
    }

    /** One task's progress; every method does nothing when the client shows no progress. */
    final class Task {
        private final GptossClient target;
        private final String token;
        private CompletableFuture<?> chain;
        private boolean ended;

        private Task(GptossClient target, String token) {
            this.target = target;
            this.token = token;
        }

        void report(String message) {
            var report = new WorkDoneProgressReport();
            report.setMessage(message);
            send(report);
        }

        void onCancel(Runnable cancel) {
            if (token != null) {
                cancels.put(token, cancel);
            }
        }

        /** Ends the progress with the outcome; only the first call counts. */
        synchronized void end(String message) {
            if (ended) {
                return;
            }
            if (token != null) {
                cancels.remove(token);
            }
            var end = new WorkDoneProgressEnd();
            end.setMessage(message);
            send(end);
            ended = true;
        }

        private synchronized void send(WorkDoneProgressNotification notification) {
            if (target == null || ended) {
                return;
            }
            chain = chain.thenRun(() -> target.notifyProgress(new ProgressParams(Either.forLeft(token),
                    Either.forLeft(notification))));
        }
    }
}
