package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** The commands {@code workspace/executeCommand} runs, by name; the names are advertised at start. */
final class ServerCommands {
    private final Map<String, Function<List<Object>, Object>> byName = new LinkedHashMap<>();

    ServerCommands add(String name, Function<List<Object>, Object> command) {
        byName.put(name, command);
        return this;
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    CompletableFuture<Object> run(String name, List<Object> arguments) {
        var command = byName.get(name);
        if (command == null) {
            return CompletableFuture.failedFuture(invalidParams("Unknown command: " + name));
        }
        try {
            return CompletableFuture.completedFuture(command.apply(arguments == null ? List.of() : arguments));
        } catch (ResponseErrorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A string argument, as LSP4J hands it over (a Gson primitive or a plain string). */
    static String text(Object argument, String command) {
        if (argument instanceof JsonElement json && json.isJsonPrimitive()) {
            return json.getAsString();
        }
        if (argument instanceof String s) {
            return s;
        }
        throw invalidParams(command + ": expected a string, got " + argument);
    }

    static ResponseErrorException invalidParams(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
