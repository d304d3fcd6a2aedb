package dev.gptoss.ls.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.PromptMode;
import java.util.concurrent.CompletableFuture;

/** Ollama's native API: raw harmony on {@code /api/generate}, chat on {@code /api/chat}. */
public final class OllamaClient implements ModelClient {
    private final EndpointConfig endpoint;
    private final ModelHttp http;

    public OllamaClient(EndpointConfig endpoint, ModelHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    @Override
    public EndpointConfig endpoint() {
        return endpoint;
    }

    @Override
    public CompletableFuture<Generation> generate(GenerationRequest request, TextSink sink) {
        boolean raw = request.mode() == PromptMode.RAW;
        ObjectNode body = http.object().put("model", request.model()).put("stream", true);
        if (raw) {
            body.put("prompt", request.rawPrompt()).put("raw", true);
        } else {
            RequestBodies.putMessages(body, request.messages());
            body.put("think", "low");
        }
        ObjectNode options = body.putObject("options")
                .put("num_predict", request.maxTokens())
                .put("temperature", request.temperature());
        RequestBodies.putStop(options, request.stop());
        var httpRequest = http.post(endpoint, raw ? "/api/generate" : "/api/chat", body).build();
        return StreamingExchange.start(http.http(), httpRequest, new OllamaLines(http.json()), sink);
    }
}
