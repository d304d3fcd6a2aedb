package dev.gptoss.ls.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gptoss.ls.config.ConfigLayers;
import dev.gptoss.ls.routing.ServiceStatus;
import dev.gptoss.ls.routing.StatusBoard;
import dev.gptoss.ls.workspace.WorkspaceIndex;
import java.util.List;
import java.util.Locale;
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
    private final Supplier<ConfigLayers> configuration;
    private final AtomicReference<List<Object>> lastSent = new AtomicReference<>();
    private final AtomicBoolean publishQueued = new AtomicBoolean();
    private final AtomicLong busyChanges = new AtomicLong();
    private final Executor executor;
    private volatile GptossClient client;
    private volatile boolean toldOffline;

    StatusPublisher(StatusBoard board, Supplier<ObjectMapper> json, Executor executor, Supplier<String> guardNote,
                    Supplier<WorkspaceIndex.Progress> index, Supplier<ConfigLayers> configuration) {
        this.board = board;
        this.configuration = configuration;
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
        return toGson(withApprovalStep(board.current()));
    }

    /** A workspace file whose endpoints wait for approval: approving it is the first thing to fix. */
    private ServiceStatus withApprovalStep(ServiceStatus status) {
        return configuration.get().workspaceFile().filter(f -> !f.withheld().isEmpty())
                .map(f -> {
                    String step = f.approveCommand() + "   # use the endpoints of " + f.file() + " (not approved)";
                    return new ServiceStatus(status.state(), status.message(), status.model(), status.busy(),
                            status.fix() == null ? step : step + "\n" + status.fix(), status.instances(),
                            status.keptTiers());
                })
                .orElse(status);
    }

    synchronized void publishIfChanged() {
        GptossClient target = client;
        if (target == null) {
            return;
        }
        ServiceStatus status = withApprovalStep(board.current());
        var signature = new java.util.ArrayList<Object>(status.signature());
        signature.add(String.valueOf(guardNote.get()));
        signature.add(index.get().state());
        signature.add(configuration.get().sourceOf("endpoints"));
        signature.add(configuration.get().workspaceFile().map(f -> f.sha256() + f.approval()).orElse(""));
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
        tree.getAsJsonObject().add("configuration", configurationTree(configuration.get()));
        return tree;
    }

    /** Which layer set the endpoints, and the workspace file's approval (docs/protocol.md). */
    private static JsonObject configurationTree(ConfigLayers layers) {
        var tree = new JsonObject();
        tree.addProperty("endpointsFrom", layers.sourceOf("endpoints").label());
        layers.workspaceFile().ifPresent(file -> {
            var fileTree = new JsonObject();
            fileTree.addProperty("path", file.file().toString());
            fileTree.addProperty("sha256", file.sha256());
            fileTree.addProperty("approval", file.approval().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            var withheld = new JsonArray();
            file.withheld().forEach(withheld::add);
            fileTree.add("withheld", withheld);
            var destinations = new JsonArray();
            file.destinations().forEach(destinations::add);
            fileTree.add("destinations", destinations);
            if (!file.withheld().isEmpty()) {
                fileTree.addProperty("fix", file.approveCommand());
            }
            tree.add("workspaceFile", fileTree);
        });
        return tree;
    }
}
