package dev.gptoss.ls.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.gptoss.ls.context.ContextAssembler;
import dev.gptoss.ls.context.PromptContext;
import java.util.List;

/**
 * {@code gptoss.showContext}: what the last prompt for a document contained, source by source,
 * with token counts, so a user can see why the model wrote what it wrote.
 */
final class ShowContextCommand {
    static final String NAME = "gptoss.showContext";

    private final ContextAssembler context;

    ShowContextCommand(ContextAssembler context) {
        this.context = context;
    }

    /** Arguments: none (the last prompt of any document), or {@code [uri]} / {@code [{"uri": ...}]}. */
    JsonElement run(List<Object> arguments) {
        String uri = uriArgument(arguments);
        var last = context.last(uri);
        if (last.isEmpty()) {
            // JSON-RPC needs a result; LSP4J would drop a JSON null one.
            var none = new JsonObject();
            none.addProperty("message", "No completion prompt has been built yet: type in a file first.");
            none.add("sources", new JsonArray());
            return none;
        }
        PromptContext prompt = last.get();
        var result = new JsonObject();
        result.addProperty("uri", prompt.cursor().path());
        result.add("model", JsonNull.INSTANCE);
        result.addProperty("budgetTokens", prompt.budgetTokens());
        result.addProperty("usedTokens", prompt.usedTokens());
        var sources = new JsonArray();
        sources.add(source("instructions", null, prompt.fixedTokens(), ""));
        for (PromptContext.Piece piece : prompt.pieces()) {
            sources.add(source(piece.snippet().source(), piece.snippet().path(), piece.tokens(), piece.snippet().text()));
        }
        sources.add(source("cursor", prompt.cursor().path(), prompt.cursorTokens(),
                prompt.cursor().prefix() + "<CURSOR>" + prompt.cursor().suffix()));
        result.add("sources", sources);
        return result;
    }

    private static JsonObject source(String name, String path, int tokens, String text) {
        var source = new JsonObject();
        source.addProperty("source", name);
        source.addProperty("path", path);
        source.addProperty("tokens", tokens);
        source.addProperty("text", text);
        return source;
    }

    private static String uriArgument(List<Object> arguments) {
        if (arguments == null || arguments.isEmpty() || arguments.get(0) == null) {
            return null;
        }
        Object first = arguments.get(0);
        if (first instanceof JsonElement json) {
            if (json.isJsonPrimitive()) {
                return json.getAsString();
            }
            if (json.isJsonObject() && json.getAsJsonObject().has("uri")) {
                return json.getAsJsonObject().get("uri").getAsString();
            }
            return null;
        }
        return first.toString();
    }
}
