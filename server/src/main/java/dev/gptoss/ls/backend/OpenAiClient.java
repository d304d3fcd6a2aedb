package dev.gptoss.ls.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.PromptMode;
import java.util.concurrent.CompletableFuture;

/**
 * An OpenAI-compatible server (vLLM, llama.cpp, LM Studio): raw harmony on {@code /v1/completions},
 * chat on {@code /v1/chat/completions}.
 */
public final class OpenAiClient implements ModelClient {
    private final EndpointConfig endpoint;
    private final ModelHttp http;

    public OpenAiClient(EndpointConfig endpoint, ModelHttp http) {
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
        ObjectNode body = http.object()
                .put("model", request.model())
                .put("stream", true)
                .put("max_tokens", request.maxTokens())
                .put("temperature", request.temperature());
        if (raw) {
            body.put("prompt", request.rawPrompt());
        } else {
            RequestBodies.putMessages(body, request.messages());
            body.put("reasoning_effort", "low");
        }
        RequestBodies.putStop(body, request.stop());
        var httpRequest = http.post(endpoint, raw ? "/v1/completions" : "/v1/chat/completions", body).build();
        return StreamingExchange.start(http.http(), httpRequest, new OpenAiLines(http.json()), sink);
    }
}
