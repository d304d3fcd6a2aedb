package dev.gptoss.ls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where configuration comes from, lowest priority first: built-in defaults, the workspace's
 * {@code .gptoss.json}, then the editor's settings. Objects merge field by field; any other
 * value (lists included) from a higher layer replaces the lower one.
 */
public record ConfigLayers(JsonNode workspaceFile, JsonNode clientSettings) {

    public static ConfigLayers empty() {
        return new ConfigLayers(NullNode.getInstance(), NullNode.getInstance());
    }

    public ConfigLayers withWorkspaceFile(JsonNode node) {
        return new ConfigLayers(node, clientSettings);
    }

    public ConfigLayers withClientSettings(JsonNode node) {
        return new ConfigLayers(workspaceFile, node);
    }

    public JsonNode merged() {
        return merge(workspaceFile, clientSettings);
    }

    static JsonNode merge(JsonNode base, JsonNode override) {
        if (override == null || override.isNull() || override.isMissingNode()) {
            return base;
        }
        if (base == null || !base.isObject() || !override.isObject()) {
            return override;
        }
        ObjectNode result = ((ObjectNode) base).deepCopy();
        override.fields().forEachRemaining(e -> result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue())));
        return result;
    }
}
