package dev.gptoss.ls.completion;

import dev.gptoss.ls.backend.BackendException;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.config.CompletionSettings;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.context.PromptContext;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.function.BiFunction;
import dev.gptoss.ls.routing.ModelInstance;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Inline completion: the code around the cursor goes to the model, what comes back is shaped into
 * a suggestion. A failing, slow or refusing model gives no suggestion, never an error: the user is
 * typing and an error popup would only get in the way. Cancelling the returned future (the editor's
 * {@code $/cancelRequest}, a newer document version) aborts the model's HTTP request.
 */
public final class InlineCompletions {
    private static final Logger LOG = Logger.getLogger(InlineCompletions.class.getName());

    private final ModelRouter router;
    private final PromptModes modes;
    private final Supplier<CompletionSettings> settings;
    private final BiFunction<DocumentSnapshot, Integer, PromptContext> contexts;
    private final SuggestionShaper shaper = new SuggestionShaper();

    public InlineCompletions(ModelRouter router, PromptModes modes, Supplier<CompletionSettings> settings,
                             BiFunction<DocumentSnapshot, Integer, PromptContext> contexts) {
        this.router = router;
        this.modes = modes;
        this.settings = settings;
        this.contexts = contexts;
    }

    public CompletableFuture<Optional<Suggestion>> complete(CompletionQuery query) {
        Optional<ModelInstance> instance = router.forCompletion();
        if (instance.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        PromptContext prompt = contexts.apply(query.document(), query.offset());
        var attempt = new Attempt(instance.get(), prompt, SuggestionShape.at(prompt.cursor()), settings.get());
        attempt.start(modes.modeFor(instance.get().endpoint()));
        return attempt.result;
    }

    /** One completion, possibly retried once in chat mode when the endpoint refuses raw prompts. */
    private final class Attempt {
        final CompletableFuture<Optional<Suggestion>> result = new CompletableFuture<>();
        final AtomicReference<CompletableFuture<Generation>> call = new AtomicReference<>();
        final ModelInstance instance;
        final PromptContext prompt;
        final CursorContext context;
        final SuggestionShape shape;
        final CompletionSettings settings;

        Attempt(ModelInstance instance, PromptContext prompt, SuggestionShape shape, CompletionSettings settings) {
            this.instance = instance;
            this.prompt = prompt;
            this.context = prompt.cursor();
            this.shape = shape;
            this.settings = settings;
            result.completeOnTimeout(Optional.empty(), settings.timeoutMs(), TimeUnit.MILLISECONDS);
            result.whenComplete((suggestion, error) -> {
                CompletableFuture<Generation> running = call.get();
                if (running != null) {
                    running.cancel(true);
                }
            });
        }

        void start(PromptMode mode) {
            var streamed = new StringBuilder();
            CompletableFuture<Generation> generation = router.call(instance, request(mode), delta -> {
                streamed.append(delta);
                return !shape.complete(streamed.toString(), context);
            });
            call.set(generation);
            if (result.isDone()) {
                generation.cancel(true);
                return;
            }
            generation.whenComplete((done, error) -> {
                if (done != null) {
                    result.complete(shaper.shape(done.text(), context, shape)
                            .map(text -> new Suggestion(text, instance.toString())));
                } else if (!result.isDone()) {
                    onFailure(mode, unwrap(error));
                }
            });
        }

        private void onFailure(PromptMode mode, Throwable error) {
            if (error instanceof BackendException b && mode == PromptMode.RAW && b.unsupportedRequest()
                    && !b.modelMissing() && instance.endpoint().promptMode() == PromptMode.AUTO) {
                LOG.info(() -> "Endpoint " + instance.endpoint().name() + " refused a raw prompt (" + b.getMessage()
                        + "); using chat prompts from now on");
                modes.learn(instance.endpoint(), PromptMode.CHAT);
                start(PromptMode.CHAT);
                return;
            }
            LOG.warning(() -> "No suggestion from " + instance + ": " + error.getMessage());
            result.complete(Optional.empty());
        }

        private GenerationRequest request(PromptMode mode) {
            if (mode == PromptMode.RAW) {
                return new GenerationRequest(instance.model(), PromptMode.RAW, HarmonyPrompt.render(prompt, shape),
                        List.of(), settings.maxTokens(), settings.temperature(), HarmonyPrompt.STOP);
            }
            return new GenerationRequest(instance.model(), PromptMode.CHAT, null, ChatPrompt.messages(prompt, shape),
                    settings.maxTokens() + settings.reasoningTokens(), settings.temperature(), List.of());
        }
    }

    /** The prompt text every completion carries whatever the cursor, for the context budget. */
    public static String fixedPromptText() {
        return HarmonyPrompt.fixedText() + "File:  ()\nWrite the body of the block that starts at the cursor, then stop.\n\n"
                + CompletionInstructions.CURSOR;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
