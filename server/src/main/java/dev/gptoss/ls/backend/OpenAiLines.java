package dev.gptoss.ls.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An OpenAI-compatible SSE stream: {@code data: {...}} events ending with {@code data: [DONE]}.
 * The answer is {@code choices[0].text} (completions) or {@code choices[0].delta.content} (chat);
 * {@code reasoning} and {@code reasoning_content} are reasoning and are dropped.
 */
final class OpenAiLines implements StreamLineHandler {
    private static final String DATA = "data:";
    private final ObjectMapper json;
    private String finishReason;
    private boolean done;

    OpenAiLines(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String answerText(String line) {
        if (!line.startsWith(DATA)) {
            return "";
        }
        String data = line.substring(DATA.length()).strip();
        if (data.equals("[DONE]")) {
            done = true;
            return "";
        }
        JsonNode event = parse(data);
        if (event.hasNonNull("error")) {
            JsonNode error = event.get("error");
            throw new BackendException(200, true, error.isTextual() ? error.asText() : error.path("message").asText());
        }
        JsonNode choice = event.path("choices").path(0);
        if (choice.hasNonNull("finish_reason")) {
            finishReason = choice.get("finish_reason").asText();
        }
        JsonNode text = choice.has("text") ? choice.get("text") : choice.path("delta").path("content");
        return text.isTextual() ? text.asText() : "";
    }

    @Override
    public boolean endOfStream(String line) {
        return done;
    }

    @Override
    public String finishReason() {
        return finishReason;
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
