package dev.gptoss.ls.actions;

import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.guard.UnredactableTextException;
import dev.gptoss.ls.routing.ModelInstance;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.RequestKind;
import dev.gptoss.ls.routing.RouteRequest;
import dev.gptoss.ls.routing.RoutedGeneration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one place code actions call a model: a chat request routed as a code action, which the
 * router's complexity score sends to the strong tier (falling back to others when it is down).
 * Cancelling the returned future aborts the HTTP request.
 */
public class ModelEditRequester {
    static final int MAX_TOKENS = 4096;
    /** A code action is asked for and waited on; it may take as long as a large model needs. */
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final double TEMPERATURE = 0.2;

    private final ModelRouter router;
    private final PromptGuard guard;

    public ModelEditRequester(ModelRouter router, PromptGuard guard) {
        this.router = router;
        this.guard = guard;
    }

    /** The model that will answer, for progress messages; empty when no strong model is configured. */
    public Optional<String> model() {
        return strong().map(ModelInstance::toString);
    }

    public CompletableFuture<Generation> request(List<ChatMessage> messages, String languageId, String documentUri,
                                                 TextSink sink) {
        int chars = messages.stream().mapToInt(m -> m.content().length()).sum();
        var route = RouteRequest.within(DEADLINE, RequestKind.CODE_ACTION, true, chars, languageId, documentUri);
        CompletableFuture<RoutedGeneration> routed = router.generate(route, instance -> redacted(new GenerationRequest(
                instance.model(), PromptMode.CHAT, null, messages, MAX_TOKENS, TEMPERATURE, List.of())), sink);
        CompletableFuture<Generation> generation = routed.thenApply(RoutedGeneration::generation);
        generation.whenComplete((g, e) -> {
            if (generation.isCancelled()) {
                routed.cancel(true);
            }
        });
        return generation;
    }

    /** Code-action inputs leave with their secrets redacted, like completion prompts. */
    private GenerationRequest redacted(GenerationRequest request) {
        try {
            return guard.redact(request).request();
        } catch (UnredactableTextException e) {
            throw new IllegalStateException("The code could not be checked for secrets, so it is not sent", e);
        }
    }

    private Optional<ModelInstance> strong() {
        return router.instances().tier(Tier.STRONG).stream().findFirst();
    }
}
