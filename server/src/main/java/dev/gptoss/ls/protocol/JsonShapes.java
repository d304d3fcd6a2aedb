package dev.gptoss.ls.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/** Plain records from the layers below, as the Gson trees LSP4J sends. */
final class JsonShapes {
    private JsonShapes() {
    }

    static JsonElement toGson(ObjectMapper json, Object value) {
        try {
            return JsonParser.parseString(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
