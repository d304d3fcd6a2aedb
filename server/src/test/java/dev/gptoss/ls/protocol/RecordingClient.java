package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;

/** An editor that remembers what the server told it. */
public final class RecordingClient implements GptossClient {
    public final List<MessageParams> messages = new CopyOnWriteArrayList<>();
    public final List<JsonElement> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void status(JsonElement status) {
        statuses.add(status);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
    }

    @Override
    public void showMessage(MessageParams message) {
        messages.add(message);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
    }

    /** Waits until some status satisfies the condition; fails the test after {@code max}. */
    public JsonElement awaitStatus(Predicate<JsonElement> condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonElement status : statuses) {
                if (condition.test(status)) {
                    return status;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No status matched within " + max + "; got " + statuses);
    }

    public MessageParams awaitMessage(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No message within " + max);
    }
}
