package dev.gptoss.ls.actions;

import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.routing.ModelInstance;
import dev.gptoss.ls.routing.ModelRouter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one place code actions call a model: a chat request to the strong tier. Today it takes the
 * strong tier's first instance; the router's request kinds (issue 4) will choose it instead.
 * Cancelling the returned future aborts the HTTP request.
 */
public class ModelEditRequester {
    static final int MAX_TOKENS = 4096;
    private static final double TEMPERATURE = 0.2;

    private final ModelRouter router;

    public ModelEditRequester(ModelRouter router) {
        this.router = router;
    }

    /** The model that will answer, for progress messages; empty when no strong model is configured. */
    public Optional<String> model() {
        return strong().map(ModelInstance::toString);
    }

    public CompletableFuture<Generation> request(List<ChatMessage> messages, TextSink sink) {
        Optional<ModelInstance> instance = strong();
        if (instance.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "No strong-tier model is configured (gptoss.tiers.strong)"));
        }
        var request = new GenerationRequest(instance.get().model(), PromptMode.CHAT, null, messages, MAX_TOKENS,
                TEMPERATURE, List.of());
        return router.call(instance.get(), request, sink);
    }

    private Optional<ModelInstance> strong() {
        return router.instances().tier(Tier.STRONG).stream().findFirst();
    }
}
