package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Ollama's native API: version, tags, show, generate and chat, streaming NDJSON by default. */
final class OllamaRoutes {
    static final String VERSION = "0.12.3";

    /** Answers the request if it is one of Ollama's routes; returns false otherwise. */
    boolean handle(FakeExchange ex) throws IOException {
        String route = ex.request().method() + " " + ex.request().path();
        switch (route) {
            case "GET /" -> ex.sendText(200, "Ollama is running");
            case "GET /api/version" -> ex.sendJson(200, ex.newObject().put("version", VERSION));
            case "GET /api/tags" -> tags(ex);
            case "POST /api/show" -> show(ex);
            case "POST /api/generate" -> generate(ex, false);
            case "POST /api/chat" -> generate(ex, true);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Ollama's error body: {@code {"error":"..."}}. */
    static void sendError(FakeExchange ex, int status, String message) throws IOException {
        ex.sendJson(status, ex.newObject().put("error", message));
    }

    private void tags(FakeExchange ex) throws IOException {
        ObjectNode body = ex.newObject();
        ArrayNode models = body.putArray("models");
        for (String model : ex.behavior().models()) {
            ObjectNode entry = models.addObject()
                    .put("name", model)
                    .put("model", model)
                    .put("modified_at", "2025-08-05T12:00:00Z")
                    .put("size", 13_780_173_839L)
                    .put("digest", "aa4295ac10c3afb60e6d711289fc6896f5aef82258997b9efdaed6d0cc4cd8b8");
            entry.putObject("details")
                    .put("format", "gguf")
                    .put("family", "gptoss")
                    .put("parameter_size", model.endsWith("120b") ? "116.8B" : "20.9B")
                    .put("quantization_level", "MXFP4");
        }
        ex.sendJson(200, body);
    }

    private void show(FakeExchange ex) throws IOException {
        String model = modelName(ex.request().json());
        if (!ex.behavior().models().contains(model)) {
            sendError(ex, 404, "model '" + model + "' not found");
            return;
        }
        ObjectNode body = ex.newObject();
        body.put("template", "{{- /* harmony template */ -}}");
        body.putArray("capabilities").add("completion").add("tools").add("thinking");
        body.putObject("details").put("family", "gptoss").put("quantization_level", "MXFP4");
        body.putObject("model_info").put("general.architecture", "gptoss").put("gptoss.context_length", 131072);
        ex.sendJson(200, body);
    }

    private void generate(FakeExchange ex, boolean chat) throws IOException {
        FakeBehavior behavior = ex.behavior();
        JsonNode body = ex.request().json();
        String model = modelName(body);
        boolean raw = !chat && body.path("raw").asBoolean(false);
        if (behavior.failStatus() > 0) {
            sendError(ex, behavior.failStatus(), behavior.failMessage());
        } else if (model.isEmpty()) {
            sendError(ex, 400, "model is required");
        } else if (!behavior.models().contains(model)) {
            sendError(ex, 404, "model \"" + model + "\" not found, try pulling it first");
        } else if (raw && !behavior.rawPromptsSupported()) {
            sendError(ex, 400, "raw mode does not support template, system, or context");
        } else if (chat ? body.path("messages").isEmpty() : body.path("prompt").asText("").isEmpty()) {
            sendLoaded(ex, model, chat);
        } else {
            JsonNode options = body.path("options");
            int maxTokens = options.path("num_predict").asInt(-1);
            List<String> stop = ModelOutput.stopStrings(options.path("stop"));
            ModelOutput output = raw
                    ? ModelOutput.forRawPrompt(behavior, body, maxTokens, stop)
                    : ModelOutput.forChat(behavior, body, maxTokens, stop);
            answer(ex, model, chat, output);
        }
    }

    /** Nothing to generate: Ollama only loads the model, which clients use to warm it up. */
    private static void sendLoaded(FakeExchange ex, String model, boolean chat) throws IOException {
        ObjectNode loaded = header(ex, model);
        if (chat) {
            loaded.putObject("message").put("role", "assistant").put("content", "");
        } else {
            loaded.put("response", "");
        }
        ex.sendJson(200, loaded.put("done", true).put("done_reason", "load"));
    }

    private void answer(FakeExchange ex, String model, boolean chat, ModelOutput output) throws IOException {
        String reasoningKey = ex.behavior().reasoningFieldOr(ReasoningField.THINKING).wireName();
        List<ModelOutput.Piece> pieces = output.pieces(ex.behavior().chunkChars());
        if (!ex.request().json().path("stream").asBoolean(true)) {
            ex.sendGenerated(() -> {
                ObjectNode whole = finalChunk(ex, model, chat, output);
                ObjectNode text = chat ? (ObjectNode) whole.get("message") : whole;
                text.put(chat ? "content" : "response", output.content());
                if (!output.reasoning().isEmpty()) {
                    text.put(reasoningKey, output.reasoning());
                }
                return whole;
            }, ModelOutput.texts(pieces));
            return;
        }
        List<ObjectNode> chunks = new ArrayList<>();
        for (ModelOutput.Piece piece : pieces) {
            ObjectNode chunk = header(ex, model);
            ObjectNode text = chat ? chunk.putObject("message").put("role", "assistant") : chunk;
            text.put(chat ? "content" : "response", piece.reasoning() ? "" : piece.text());
            if (piece.reasoning()) {
                text.put(reasoningKey, piece.text());
            }
            chunks.add(chunk.put("done", false));
        }
        ex.stream(StreamFraming.NDJSON, chunks, ModelOutput.texts(pieces), () -> finalChunk(ex, model, chat, output));
    }

    private ObjectNode finalChunk(FakeExchange ex, String model, boolean chat, ModelOutput output) {
        ObjectNode last = header(ex, model);
        if (chat) {
            last.putObject("message").put("role", "assistant").put("content", "");
        } else {
            last.put("response", "");
        }
        long elapsed = System.nanoTime() - ex.request().receivedNanos();
        return last.put("done", true)
                .put("done_reason", output.finishReason())
                .put("total_duration", elapsed)
                .put("load_duration", 0)
                .put("prompt_eval_count", ex.request().body().length() / ModelOutput.CHARS_PER_TOKEN)
                .put("prompt_eval_duration", elapsed / 10)
                .put("eval_count", output.tokenCount())
                .put("eval_duration", elapsed - elapsed / 10);
    }

    private static ObjectNode header(FakeExchange ex, String model) {
        return ex.newObject().put("model", model).put("created_at", Instant.now().toString());
    }

    private static String modelName(JsonNode body) {
        String model = body.path("model").asText("");
        return model.isEmpty() ? body.path("name").asText("") : model;
    }
}
