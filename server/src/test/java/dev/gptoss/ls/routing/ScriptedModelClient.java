package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.PromptMode;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A model client whose every answer the test decides: given the request and the sink, it returns
 * the call's future. It records each request and whether its call was cancelled (the HTTP abort).
 */
public final class ScriptedModelClient implements ModelClient {
    public final List<GenerationRequest> requests = new CopyOnWriteArrayList<>();
    public final List<CompletableFuture<Generation>> calls = new CopyOnWriteArrayList<>();
    private final EndpointConfig endpoint;
    private volatile BiFunction<GenerationRequest, TextSink, CompletableFuture<Generation>> script;

    public ScriptedModelClient(String name) {
        this.endpoint = new EndpointConfig(name, URI.create("http://127.0.0.1:1/" + name), ApiKind.OLLAMA, null,
                PromptMode.AUTO);
        answers("from " + name);
    }

    /** Every call streams {@code text} and ends. */
    public ScriptedModelClient answers(String text) {
        script = (request, sink) -> {
            sink.accept(text);
            return CompletableFuture.completedFuture(new Generation(text, "stop", false, 1));
        };
        return this;
    }

    public ScriptedModelClient script(BiFunction<GenerationRequest, TextSink, CompletableFuture<Generation>> next) {
        script = next;
        return this;
    }

    public boolean anyCancelled() {
        return calls.stream().anyMatch(CompletableFuture::isCancelled);
    }

    @Override
    public EndpointConfig endpoint() {
        return endpoint;
    }

    @Override
    public CompletableFuture<Generation> generate(GenerationRequest request, TextSink sink) {
        requests.add(request);
        CompletableFuture<Generation> call = script.apply(request, sink);
        calls.add(call);
        return call;
    }
}
