package dev.gptoss.ls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration's layers ({@link ConfigSource}), each the object under {@code gptoss} from one
 * place. Objects merge field by field; a field that is absent or null leaves the layer below in
 * force, so an empty section (Emacs' eglot sends {@code {"settings":{}}}) changes nothing. Any other
 * value replaces the one below, except the lists of what must never leave the machine
 * ({@code exclude}, {@code guard.customPatterns}): those add up over the layers, so no layer can
 * take a protection away.
 */
public final class ConfigLayers {
    private static final Set<String> ADDITIVE = Set.of("exclude", "guard.customPatterns");
    private final Map<ConfigSource, JsonNode> layers;
    private final WorkspaceConfigFile workspaceFile;

    private ConfigLayers(Map<ConfigSource, JsonNode> layers, WorkspaceConfigFile workspaceFile) {
        this.layers = Collections.unmodifiableMap(layers);
        this.workspaceFile = workspaceFile;
    }

    public static ConfigLayers empty() {
        return new ConfigLayers(new EnumMap<>(ConfigSource.class), null);
    }

    /** The workspace's file as its layer: only what its approval allows ({@link WorkspaceConfigFile#usable()}). */
    public ConfigLayers withWorkspaceFile(WorkspaceConfigFile file) {
        ConfigLayers next = with(ConfigSource.WORKSPACE_FILE, file == null ? null : file.usable());
        return new ConfigLayers(next.layers, file);
    }

    public Optional<WorkspaceConfigFile> workspaceFile() {
        return Optional.ofNullable(workspaceFile);
    }

    /** These layers with {@code source} replaced; a null or missing node removes it. */
    public ConfigLayers with(ConfigSource source, JsonNode node) {
        var next = new EnumMap<ConfigSource, JsonNode>(ConfigSource.class);
        next.putAll(layers);
        if (node == null || node.isNull() || node.isMissingNode()) {
            next.remove(source);
        } else {
            next.put(source, node);
        }
        return new ConfigLayers(next, source == ConfigSource.WORKSPACE_FILE ? null : workspaceFile);
    }

    public Optional<JsonNode> layer(ConfigSource source) {
        return Optional.ofNullable(layers.get(source));
    }

    /** All layers merged, highest priority last. */
    public JsonNode merged() {
        JsonNode result = null;
        for (JsonNode layer : layers.values()) {
            result = merge(result, layer, "");
        }
        return result;
    }

    /** The highest layer that sets {@code field} (a top-level key such as {@code endpoints}). */
    public ConfigSource sourceOf(String field) {
        ConfigSource found = ConfigSource.DEFAULTS;
        for (var entry : layers.entrySet()) {
            JsonNode value = entry.getValue().get(field);
            if (value != null && !value.isNull()) {
                found = entry.getKey();
            }
        }
        return found;
    }

    /** {@code override}'s fields over {@code base}'s, by the same rules as the layers. */
    public static JsonNode overlay(JsonNode base, JsonNode override) {
        return merge(base, override, "");
    }

    private static JsonNode merge(JsonNode base, JsonNode override, String path) {
        if (override == null || override.isNull() || override.isMissingNode()) {
            return base;
        }
        if (ADDITIVE.contains(path) && base != null && base.isArray() && override.isArray()) {
            var union = new LinkedHashSet<JsonNode>();
            base.forEach(union::add);
            override.forEach(union::add);
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            union.forEach(list::add);
            return list;
        }
        if (base == null || !base.isObject() || !override.isObject()) {
            return override;
        }
        ObjectNode result = ((ObjectNode) base).deepCopy();
        override.fields().forEachRemaining(e -> result.set(e.getKey(),
                merge(result.get(e.getKey()), e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey())));
        return result;
    }
}
