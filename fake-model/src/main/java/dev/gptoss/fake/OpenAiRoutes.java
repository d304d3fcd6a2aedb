package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The OpenAI-compatible API every flavor serves: models, completions and chat completions over SSE. */
final class OpenAiRoutes {
    private final Flavor flavor;

    OpenAiRoutes(Flavor flavor) {
        this.flavor = flavor;
    }

    /** Answers the request if it is one of the /v1 routes; returns false otherwise. */
    boolean handle(FakeExchange ex) throws IOException {
        String route = ex.request().method() + " " + ex.request().path();
        switch (route) {
            case "GET /v1/models" -> models(ex);
            case "POST /v1/completions" -> {
                if (!ex.behavior().rawPromptsSupported()) {
                    return false;
                }
                generate(ex, false);
            }
            case "POST /v1/chat/completions" -> generate(ex, true);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The OpenAI error body: {@code {"error":{"message","type","param","code"}}}. */
    static void sendError(FakeExchange ex, int status, String message, String type) throws IOException {
        ObjectNode body = ex.newObject();
        body.putObject("error").put("message", message).put("type", type).putNull("param").put("code", status);
        ex.sendJson(status, body);
    }

    private void models(FakeExchange ex) throws IOException {
        ObjectNode body = ex.newObject().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (String model : ex.behavior().models()) {
            data.addObject().put("id", model).put("object", "model").put("created", 1_754_400_000L)
                    .put("owned_by", flavor == Flavor.OLLAMA ? "library" : flavor.name().toLowerCase(Locale.ROOT));
        }
        ex.sendJson(200, body);
    }

    private void generate(FakeExchange ex, boolean chat) throws IOException {
        FakeBehavior behavior = ex.behavior();
        JsonNode body = ex.request().json();
        String model = body.path("model").asText("");
        if (behavior.failStatus() > 0) {
            sendError(ex, behavior.failStatus(), behavior.failMessage(), serverErrorType());
        } else if (flavor != Flavor.LLAMACPP && !behavior.models().contains(model)) {
            sendModelNotFound(ex, model);
        } else {
            int maxTokens = body.path("max_tokens").asInt(body.path("max_completion_tokens").asInt(-1));
            List<String> stop = ModelOutput.stopStrings(body.path("stop"));
            ModelOutput output = chat
                    ? ModelOutput.forChat(behavior, body, maxTokens, stop)
                    : ModelOutput.forRawPrompt(behavior, body, maxTokens, stop);
            answer(ex, new Reply(ex, model.isEmpty() ? behavior.models().get(0) : model, chat), output);
        }
    }

    private void answer(FakeExchange ex, Reply reply, ModelOutput output) throws IOException {
        String reasoningKey = ex.behavior().reasoningFieldOr(ReasoningField.REASONING_CONTENT).wireName();
        List<ModelOutput.Piece> pieces = output.pieces(ex.behavior().chunkChars());
        if (!ex.request().json().path("stream").asBoolean(false)) {
            ex.sendGenerated(() -> reply.whole(output, reasoningKey), ModelOutput.texts(pieces));
            return;
        }
        List<ObjectNode> chunks = new ArrayList<>();
        for (ModelOutput.Piece piece : pieces) {
            ObjectNode chunk = reply.chunk();
            ObjectNode choice = (ObjectNode) chunk.get("choices").get(0);
            if (!reply.chat) {
                choice.put("text", piece.text());
            } else {
                ObjectNode delta = choice.putObject("delta");
                if (chunks.isEmpty()) {
                    delta.put("role", "assistant");
                }
                delta.put(piece.reasoning() ? reasoningKey : "content", piece.text());
            }
            chunks.add(chunk);
        }
        ex.stream(StreamFraming.SSE, chunks, ModelOutput.texts(pieces), () -> reply.last(output));
    }

    private void sendModelNotFound(FakeExchange ex, String model) throws IOException {
        if (flavor == Flavor.OLLAMA) {
            sendError(ex, 404, "model \"" + model + "\" not found, try pulling it first", "api_error");
        } else {
            sendError(ex, 404, "The model `" + model + "` does not exist.", "NotFoundError");
        }
    }

    private String serverErrorType() {
        return switch (flavor) {
            case OLLAMA -> "api_error";
            case VLLM, TABBY -> "InternalServerError";
            case LLAMACPP -> "server_error";
        };
    }

    /** Builds the JSON objects of one response; every chunk shares id, created and model. */
    private static final class Reply {
        private final FakeExchange ex;
        private final String model;
        private final boolean chat;
        private final String id;
        private final long created = Instant.now().getEpochSecond();

        Reply(FakeExchange ex, String model, boolean chat) {
            this.ex = ex;
            this.model = model;
            this.chat = chat;
            this.id = (chat ? "chatcmpl-" : "cmpl-") + UUID.randomUUID().toString().replace("-", "");
        }

        ObjectNode chunk() {
            ObjectNode chunk = envelope(chat ? "chat.completion.chunk" : "text_completion");
            chunk.putArray("choices").addObject().put("index", 0).putNull("logprobs").putNull("finish_reason");
            return chunk;
        }

        ObjectNode last(ModelOutput output) {
            ObjectNode last = chunk();
            ObjectNode choice = (ObjectNode) last.get("choices").get(0);
            if (chat) {
                choice.putObject("delta");
            } else {
                choice.put("text", "");
            }
            choice.put("finish_reason", output.finishReason());
            return last;
        }

        ObjectNode whole(ModelOutput output, String reasoningKey) {
            ObjectNode whole = envelope(chat ? "chat.completion" : "text_completion");
            ObjectNode choice = whole.putArray("choices").addObject().put("index", 0);
            if (chat) {
                ObjectNode message = choice.putObject("message").put("role", "assistant")
                        .put("content", output.content());
                if (!output.reasoning().isEmpty()) {
                    message.put(reasoningKey, output.reasoning());
                }
            } else {
                choice.put("text", output.content());
            }
            choice.putNull("logprobs").put("finish_reason", output.finishReason());
            int prompt = ex.request().body().length() / ModelOutput.CHARS_PER_TOKEN;
            whole.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", output.tokenCount())
                    .put("total_tokens", prompt + output.tokenCount());
            return whole;
        }

        private ObjectNode envelope(String object) {
            return ex.newObject().put("id", id).put("object", object).put("created", created).put("model", model);
        }
    }
}
