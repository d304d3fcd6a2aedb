package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;

/** An editor that remembers what the server told it. */
public final class RecordingClient implements GptossClient {
    private final Object heard = new Object();
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
        heard();
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams published) {
        diagnostics.add(published);
        heard();
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
        heard();
    }

    @Override
    public CompletableFuture<ShowDocumentResult> showDocument(ShowDocumentParams params) {
        shownDocuments.add(params);
        return CompletableFuture.completedFuture(new ShowDocumentResult(true));
    }

    /** The latest diagnostics published for the document once they satisfy the condition. */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> condition,
                                                     Duration max) throws InterruptedException {
        return await(() -> {
            for (int i = diagnostics.size() - 1; i >= 0; i--) {
                PublishDiagnosticsParams published = diagnostics.get(i);
                if (published.getUri().equals(uri)) {
                    return condition.test(published) ? Optional.of(published) : Optional.empty();
                }
            }
            return Optional.empty();
        }, max, () -> "No matching diagnostics for " + uri + " within " + max);
    }

    /** The kinds ("begin", "report", "end") of the progress notifications sent for a token, in order. */
    public List<String> progressKinds(String token) {
        return progress.stream().filter(p -> p.getToken().getLeft().equals(token))
                .map(p -> p.getValue().getLeft().getKind().toString()).toList();
    }

    @Override
    public void showMessage(MessageParams message) {
        messages.add(message);
        heard();
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
        return await(() -> statuses.stream().filter(condition).findFirst(), max,
                () -> "No status matched within " + max + "; got " + statuses);
    }

    /** Waits for a message whose text contains {@code part}; fails the test after {@code max}. */
    public MessageParams awaitMessageContaining(String part, Duration max) throws InterruptedException {
        return await(() -> messages.stream().filter(m -> m.getMessage().contains(part)).findFirst(), max,
                () -> "No message with \"" + part + "\" within " + max + "; got " + messages);
    }

    public MessageParams awaitMessage(Duration max) throws InterruptedException {
        return await(() -> messages.stream().findFirst(), max, () -> "No message within " + max);
    }

    /** Waits, woken by each thing the server sends, until {@code find} finds something. */
    private <T> T await(Supplier<Optional<T>> find, Duration max, Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (heard) {
            for (Optional<T> found = find.get(); ; found = find.get()) {
                if (found.isPresent()) {
                    return found.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(failure.get());
                }
                TimeUnit.NANOSECONDS.timedWait(heard, left);
            }
        }
    }

    /** Called after each thing the server sends is recorded. */
    private void heard() {
        synchronized (heard) {
            heard.notifyAll();
        }
    }
}
