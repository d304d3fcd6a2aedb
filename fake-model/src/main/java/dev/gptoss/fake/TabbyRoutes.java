package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Tabby's server API as tabby-agent uses it: health, server settings, code completion from prefix
 * and suffix segments (one JSON answer, not streamed), and usage events.
 */
final class TabbyRoutes {
    /** Tabby's default limit on the tokens of one completion. */
    static final int MAX_DECODING_TOKENS = 64;

    /** Answers the request if it is one of Tabby's routes; returns false otherwise. */
    boolean handle(FakeExchange ex) throws IOException {
        String route = ex.request().method() + " " + ex.request().path();
        switch (route) {
            case "GET /v1/health", "POST /v1/health" -> health(ex);
            case "GET /v1beta/server_setting" ->
                ex.sendJson(200, ex.newObject().put("disable_client_side_telemetry", true));
            case "POST /v1/completions" -> complete(ex);
            case "POST /v1/events" -> ex.sendText(200, "");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void health(FakeExchange ex) throws IOException {
        ObjectNode body = ex.newObject()
                .put("model", ex.behavior().models().get(0))
                .put("device", "cuda")
                .put("arch", "x86_64")
                .put("cpu_info", "fake")
                .put("cpu_count", 1);
        body.putArray("cuda_devices");
        body.putObject("version").put("build_date", "2025-08-05").put("git_sha", "fake")
                .put("git_describe", "v0.30.0");
        ex.sendJson(200, body);
    }

    private static void complete(FakeExchange ex) throws IOException {
        FakeBehavior behavior = ex.behavior();
        JsonNode body = ex.request().json();
        if (behavior.failStatus() > 0) {
            ex.sendJson(behavior.failStatus(), ex.newObject().put("message", behavior.failMessage()));
        } else if (!body.path("segments").isObject()) {
            ex.sendJson(400, ex.newObject().put("message", "segments are required"));
        } else {
            ModelOutput output = ModelOutput.forRawPrompt(behavior, body, MAX_DECODING_TOKENS, List.of());
            List<ModelOutput.Piece> pieces = output.pieces(behavior.chunkChars());
            String id = "cmpl-" + UUID.randomUUID();
            ex.sendGenerated(() -> {
                ObjectNode answer = ex.newObject().put("id", id);
                answer.putArray("choices").addObject().put("index", 0).put("text", output.content());
                return answer;
            }, ModelOutput.texts(pieces));
        }
    }
}
