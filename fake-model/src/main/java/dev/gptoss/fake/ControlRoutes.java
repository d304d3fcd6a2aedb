package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /_fake/*}: lets a test in another process change a running fake. Never recorded, and
 * answered even while the fake plays dead.
 */
final class ControlRoutes {
    static final String PREFIX = "/_fake/";

    private final FakeBehavior behavior;
    private final RequestLog log;

    ControlRoutes(FakeBehavior behavior, RequestLog log) {
        this.behavior = behavior;
        this.log = log;
    }

    void handle(FakeExchange ex) throws IOException {
        String route = ex.request().method() + " " + ex.request().path();
        switch (route) {
            case "POST /_fake/behavior" -> {
                try {
                    apply(ex.request().json());
                    ex.sendText(200, "ok");
                } catch (IllegalArgumentException e) {
                    ex.sendText(400, e.getMessage());
                }
            }
            case "POST /_fake/reset" -> {
                behavior.reset();
                log.clear();
                ex.sendText(200, "ok");
            }
            case "POST /_fake/stop-serving" -> {
                behavior.serving(false);
                ex.sendText(200, "ok");
            }
            case "POST /_fake/resume" -> {
                behavior.serving(true);
                ex.sendText(200, "ok");
            }
            case "GET /_fake/requests" -> ex.sendJson(200, summary(ex));
            default -> ex.sendText(404, "unknown control route " + route);
        }
    }

    /**
     * Applies the knobs present in {@code knobs}, e.g. {@code {"answer":"x","serviceMs":200,
     * "reasoningField":"reasoning","harmonyLeak":"FULL","models":["gpt-oss:20b"]}}.
     */
    private void apply(JsonNode knobs) {
        if (!knobs.isObject()) {
            throw new IllegalArgumentException("expected a JSON object of knobs");
        }
        knobs.properties().forEach(knob -> apply(knob.getKey(), knob.getValue()));
    }

    private void apply(String name, JsonNode value) {
        switch (name) {
            case "answer" -> behavior.answer(value.asText());
            case "reasoning" -> behavior.reasoning(value.asText());
            case "reasoningField" ->
                behavior.reasoningField(value.isNull() ? null : ReasoningField.parse(value.asText()));
            case "harmonyLeak" -> behavior.harmonyLeak(HarmonyLeak.parse(value.asText()));
            case "harmonyLeakInChat" -> behavior.harmonyLeakInChat(value.asBoolean());
            case "chunkChars" -> behavior.chunkChars(value.asInt());
            case "firstTokenMs" -> behavior.firstTokenDelay(Duration.ofMillis(value.asLong()));
            case "chunkDelayMs" -> behavior.chunkDelay(Duration.ofMillis(value.asLong()));
            case "serviceMs" -> behavior.serviceTime(value.isNull() ? null : Duration.ofMillis(value.asLong()));
            case "failStatus" -> behavior.failWithStatus(value.asInt());
            case "dropAfterChunks" -> behavior.dropAfterChunks(value.asInt());
            case "malformedStream" -> behavior.malformedStream(value.asBoolean());
            case "rawPromptsSupported" -> behavior.rawPromptsSupported(value.asBoolean());
            case "models" -> behavior.models(strings(value));
            case "loading" -> behavior.loading(value.asBoolean());
            case "serving" -> behavior.serving(value.asBoolean());
            case "apiKey" -> behavior.apiKey(value.isNull() ? null : value.asText());
            default -> throw new IllegalArgumentException("unknown knob: " + name);
        }
    }

    private static String[] strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(s -> strings.add(s.asText()));
        return strings.toArray(String[]::new);
    }

    private ArrayNode summary(FakeExchange ex) {
        ArrayNode list = ex.newObject().arrayNode();
        for (RecordedRequest r : log.snapshot()) {
            list.addObject().put("method", r.method()).put("path", r.path())
                    .put("receivedAt", r.receivedAt().toString()).put("status", r.status())
                    .put("completed", r.completed()).put("clientHungUp", r.clientHungUp())
                    .set("json", r.json().isMissingNode() ? null : r.json());
        }
        return list;
    }
}
