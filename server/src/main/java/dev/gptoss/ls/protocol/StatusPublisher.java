package dev.gptoss.ls.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gptoss.ls.routing.ServiceStatus;
import dev.gptoss.ls.routing.StatusBoard;
import dev.gptoss.ls.workspace.WorkspaceIndex;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;

/**
 * Sends {@code gptoss/status} when what a status bar shows changes, and one message when every
 * model server has gone away, saying what to start.
 */
final class StatusPublisher {
    /**
     * How long "busy" or "idle" must last, unchanged, before it is sent. Typing ends a request and
     * starts the next at every key; sent at once, the spinner would flicker and each key would cost
     * two notifications on the wire next to the completions.
     */
    static final long BUSY_SETTLE_MS = 250;
    private final StatusBoard board;
    private final Supplier<ObjectMapper> json;
    private final Supplier<String> guardNote;
    private final Supplier<WorkspaceIndex.Progress> index;
    private final AtomicReference<List<Object>> lastSent = new AtomicReference<>();
    private final AtomicBoolean publishQueued = new AtomicBoolean();
    private final AtomicLong busyChanges = new AtomicLong();
    private final Executor executor;
    private volatile GptossClient client;
    private volatile boolean toldOffline;

    StatusPublisher(StatusBoard board, Supplier<ObjectMapper> json, Executor executor, Supplier<String> guardNote,
                    Supplier<WorkspaceIndex.Progress> index) {
        this.board = board;
        this.json = json;
        this.executor = executor;
        this.guardNote = guardNote;
        this.index = index;
    }

    /** Publishes soon, off the caller's thread; calls made before it runs are one publication. */
    void publishSoon() {
        if (publishQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                publishQueued.set(false);
                publishIfChanged();
            });
        }
    }

    /** The server went from idle to busy or back: published once no other change came for {@link #BUSY_SETTLE_MS}. */
    void busyChanged() {
        long change = busyChanges.incrementAndGet();
        CompletableFuture.delayedExecutor(BUSY_SETTLE_MS, TimeUnit.MILLISECONDS, executor).execute(() -> {
            if (busyChanges.get() == change) {
                publishIfChanged();
            }
        });
    }

    void connect(GptossClient client) {
        this.client = client;
    }

    JsonElement current() {
        return toGson(board.current());
    }

    synchronized void publishIfChanged() {
        GptossClient target = client;
        if (target == null) {
            return;
        }
        ServiceStatus status = board.current();
        var signature = new java.util.ArrayList<Object>(status.signature());
        signature.add(String.valueOf(guardNote.get()));
        signature.add(index.get().state());
        if (signature.equals(lastSent.getAndSet(signature))) {
            return;
        }
        target.status(toGson(status));
        if (status.state().equals("offline") && !toldOffline) {
            toldOffline = true;
            target.showMessage(new MessageParams(MessageType.Warning, "gpt-oss: " + status.message()
                    + (status.fix() == null ? "" : ". To fix: " + status.fix().replace("\n", "; "))));
        } else if (!status.state().equals("offline")) {
            toldOffline = false;
        }
    }

    /** A configuration change left a tier with no healthy instance, so the previous one stays: say so. */
    void tierKept(String line) {
        GptossClient target = client;
        if (target != null) {
            target.showMessage(new MessageParams(MessageType.Warning, "gpt-oss: the new configuration is not used for "
                    + line));
        }
        publishIfChanged();
    }

    private JsonElement toGson(ServiceStatus status) {
        JsonElement tree = JsonShapes.toGson(json.get(), status);
        // Why the last document asked about got no completion (excluded, too large, binary), if so.
        tree.getAsJsonObject().addProperty("guard", guardNote.get());
        WorkspaceIndex.Progress progress = index.get();
        var indexTree = new JsonObject();
        indexTree.addProperty("state", progress.state());
        indexTree.addProperty("files", progress.files());
        tree.getAsJsonObject().add("index", indexTree);
        return tree;
    }
}
