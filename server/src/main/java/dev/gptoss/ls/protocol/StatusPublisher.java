package dev.gptoss.ls.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.gptoss.ls.routing.ServiceStatus;
import dev.gptoss.ls.routing.StatusBoard;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;

/**
 * Sends {@code gptoss/status} when what a status bar shows changes, and one message when every
 * model server has gone away, saying what to start.
 */
final class StatusPublisher {
    private final StatusBoard board;
    private final ObjectMapper json;
    private final Supplier<String> guardNote;
    private final AtomicReference<List<Object>> lastSent = new AtomicReference<>();
    private volatile GptossClient client;
    private volatile boolean toldOffline;

    StatusPublisher(StatusBoard board, ObjectMapper json, Supplier<String> guardNote) {
        this.board = board;
        this.json = json;
        this.guardNote = guardNote;
    }

    void connect(GptossClient client) {
        this.client = client;
    }

    JsonElement current() {
        return toGson(board.current());
    }

    void publishIfChanged() {
        GptossClient target = client;
        if (target == null) {
            return;
        }
        ServiceStatus status = board.current();
        List<Object> signature = List.of(status.signature(), String.valueOf(guardNote.get()));
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

    private JsonElement toGson(ServiceStatus status) {
        try {
            JsonElement tree = JsonParser.parseString(json.writeValueAsString(status));
            // Issue 8: why the last document asked about got no completion (excluded, too large, binary).
            tree.getAsJsonObject().addProperty("guard", guardNote.get());
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the status", e);
        }
    }
}
