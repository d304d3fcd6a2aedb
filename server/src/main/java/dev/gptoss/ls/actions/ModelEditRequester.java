package dev.gptoss.ls.actions;

import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.cache.GenerationCache;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.guard.UnredactableTextException;
import dev.gptoss.ls.routing.ModelInstance;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.RequestKind;
import dev.gptoss.ls.routing.RouteRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one place code actions call a model: a chat request routed as a code action, which the
 * router's complexity score sends to the strong tier (falling back to others when it is down).
 * Cancelling the returned future aborts the HTTP request.
 */
public class ModelEditRequester {
    static final int MAX_TOKENS = 4096;
    /** A code action is asked for and waited on; it may take as long as a large model needs. */
    static final Duration DEADLINE = Duration.ofMinutes(3);

    private final ModelRouter router;
    private final PromptGuard guard;
    private final GenerationCache answers;

    /** An answer, the instance that wrote it, and the request as that instance was sent it. */
    public record ModelAnswer(Generation generation, ModelInstance instance, GenerationRequest sent) {
    }

    /** @param answers the exact-request cache the model clients share, from which declined answers are dropped */
    public ModelEditRequester(ModelRouter router, PromptGuard guard, GenerationCache answers) {
        this.router = router;
        this.guard = guard;
        this.answers = answers;
    }

    /** The model that would answer first, for cache scopes; empty when no strong model is configured. */
    public Optional<String> model() {
        return router.instances().tier(Tier.STRONG).stream().findFirst().map(ModelInstance::toString);
    }

    /** @param attempting told of each instance as the request goes to it (a fallback after a failure too) */
    public CompletableFuture<ModelAnswer> request(List<ChatMessage> messages, String languageId, String documentUri,
                                                  double temperature, TextSink sink,
                                                  Consumer<ModelInstance> attempting) {
        int chars = messages.stream().mapToInt(m -> m.content().length()).sum();
        var route = RouteRequest.within(DEADLINE, RequestKind.CODE_ACTION, true, chars, languageId, documentUri);
        Map<ModelInstance, GenerationRequest> sent = new ConcurrentHashMap<>();
        var routed = router.generate(route, instance -> {
            GenerationRequest request = sent.computeIfAbsent(instance, i -> redacted(new GenerationRequest(
                    i.model(), PromptMode.CHAT, null, messages, MAX_TOKENS, temperature, List.of())));
            attempting.accept(instance);
            return request;
        }, sink);
        CompletableFuture<ModelAnswer> answer = routed.thenApply(r ->
                new ModelAnswer(r.generation(), r.instance(), sent.get(r.instance())));
        answer.whenComplete((a, e) -> {
            if (answer.isCancelled()) {
                routed.cancel(true);
            }
        });
        return answer;
    }

    /** Drops a declined answer from the exact cache, so that asking again asks the model again. */
    public void forget(ModelAnswer answer) {
        if (answer.sent() != null) {
            answers.forget(answer.sent());
        }
    }

    /** Code-action inputs leave with their secrets redacted, like completion prompts. */
    private GenerationRequest redacted(GenerationRequest request) {
        try {
            return guard.redact(request).request();
        } catch (UnredactableTextException e) {
            throw new IllegalStateException("The code could not be checked for secrets, so it is not sent", e);
        }
    }
}
