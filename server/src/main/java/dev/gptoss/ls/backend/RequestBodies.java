package dev.gptoss.ls.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON pieces both API kinds share. */
final class RequestBodies {
    private RequestBodies() {
    }

    static void putMessages(ObjectNode body, List<ChatMessage> messages) {
        var array = body.putArray("messages");
        messages.forEach(m -> array.addObject().put("role", m.role()).put("content", m.content()));
    }

    static void putStop(ObjectNode target, List<String> stop) {
        if (!stop.isEmpty()) {
            var array = target.putArray("stop");
            stop.forEach(array::add);
        }
    }
}
