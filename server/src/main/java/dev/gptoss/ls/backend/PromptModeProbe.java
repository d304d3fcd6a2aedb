package dev.gptoss.ls.backend;

import dev.gptoss.ls.config.PromptMode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Finds out whether an endpoint takes raw harmony prompts (fastest: no reasoning pass) by asking
 * for one token. A server that refuses the route or the raw flag gets chat prompts instead.
 */
public final class PromptModeProbe {
    private static final String TINY_PROMPT =
            "<|start|>user<|message|>Say OK.<|end|><|start|>assistant<|channel|>final<|message|>";

    public CompletableFuture<PromptMode> probe(ModelClient client, String model) {
        var request = new GenerationRequest(model, PromptMode.RAW, TINY_PROMPT, List.of(), 1, 0, List.of("<|return|>"));
        return client.generate(request, TextSink.ALL)
                .handle((generation, error) -> {
                    if (error == null) {
                        return PromptMode.RAW;
                    }
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof BackendException b && b.unsupportedRequest() && !b.modelMissing()) {
                        return PromptMode.CHAT;
                    }
                    throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
                });
    }
}
