package dev.gptoss.ls.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Ollama's NDJSON stream: one object a line. The answer is {@code response} ({@code /api/generate})
 * or {@code message.content} ({@code /api/chat}); {@code thinking} is reasoning and is dropped.
 */
final class OllamaLines implements StreamLineHandler {
    private final ObjectMapper json;
    private String finishReason;

    OllamaLines(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String answerText(String line) {
        if (line.isBlank()) {
            return "";
        }
        JsonNode chunk = parse(line);
        if (chunk.hasNonNull("error")) {
            throw new BackendException(200, true, "Ollama: " + chunk.get("error").asText());
        }
        if (chunk.path("done").asBoolean(false)) {
            finishReason = chunk.path("done_reason").asText("stop");
        }
        JsonNode text = chunk.has("response") ? chunk.get("response") : chunk.path("message").path("content");
        return text.isTextual() ? text.asText() : "";
    }

    @Override
    public boolean endOfStream(String line) {
        return finishReason != null;
    }

    @Override
    public String finishReason() {
        return finishReason;
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
