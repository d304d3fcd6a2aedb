package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Whether the user trusts the workspace. LSP has no standard flag; the VS Code client sends
 * {@code initializationOptions.gptoss.workspaceTrusted: false} in a restricted window. Anything
 * else, including its absence, means trusted, as for every other language server.
 */
final class WorkspaceTrust {
    private WorkspaceTrust() {
    }

    static boolean trusted(Object initializationOptions) {
        if (!(initializationOptions instanceof JsonObject options)) {
            return true;
        }
        JsonElement gptoss = options.get("gptoss");
        JsonObject settings = gptoss != null && gptoss.isJsonObject() ? gptoss.getAsJsonObject() : options;
        JsonElement flag = settings.get("workspaceTrusted");
        return !(flag != null && flag.isJsonPrimitive() && flag.getAsJsonPrimitive().isBoolean() && !flag.getAsBoolean());
    }
}
