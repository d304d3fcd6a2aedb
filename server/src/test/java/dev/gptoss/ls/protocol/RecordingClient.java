package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;

/** An editor that remembers what the server told it. */
public final class RecordingClient implements GptossClient {
    public final List<MessageParams> messages = new CopyOnWriteArrayList<>();
    public final List<JsonElement> statuses = new CopyOnWriteArrayList<>();
    public final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
    public final List<String> progressTokensCreated = new CopyOnWriteArrayList<>();
    public final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    public final List<ShowDocumentParams> shownDocuments = new CopyOnWriteArrayList<>();
    public final List<Registration> registrations = new CopyOnWriteArrayList<>();

    @Override
    public void status(JsonElement status) {
        statuses.add(status);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams published) {
        diagnostics.add(published);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        progressTokensCreated.add(params.getToken().getLeft());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.addAll(params.getRegistrations());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.add(params);
    }

    @Override
    public CompletableFuture<ShowDocumentResult> showDocument(ShowDocumentParams params) {
        shownDocuments.add(params);
        return CompletableFuture.completedFuture(new ShowDocumentResult(true));
    }

    /** The latest diagnostics published for the document once they satisfy the condition. */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> condition,
                                                     Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = diagnostics.size() - 1; i >= 0; i--) {
                PublishDiagnosticsParams published = diagnostics.get(i);
                if (published.getUri().equals(uri)) {
                    if (condition.test(published)) {
                        return published;
                    }
                    break;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("No matching diagnostics for " + uri + " within " + max);
    }

    /** The kinds ("begin", "report", "end") of the progress notifications sent for a token, in order. */
    public List<String> progressKinds(String token) {
        return progress.stream().filter(p -> p.getToken().getLeft().equals(token))
                .map(p -> p.getValue().getLeft().getKind().toString()).toList();
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

    /** Waits for a message whose text contains {@code part}; fails the test after {@code max}. */
    public MessageParams awaitMessageContaining(String part, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            for (MessageParams message : messages) {
                if (message.getMessage().contains(part)) {
                    return message;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No message with \"" + part + "\" within " + max + "; got " + messages);
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
