package dev.gptoss.ls.completion;

import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.config.CompletionSettings;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.routing.ModelInstance;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import dev.gptoss.ls.routing.RequestKind;
import dev.gptoss.ls.routing.RouteRequest;
import dev.gptoss.ls.routing.RoutedGeneration;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Inline completion: the code around the cursor goes to the model the router picks, what comes back
 * is shaped into a suggestion. A failing, slow or refusing model gives no suggestion, never an error:
 * the user is typing and an error popup would only get in the way. Cancelling the returned future
 * (the editor's {@code $/cancelRequest}, a newer document version) aborts the model's HTTP request.
 */
public final class InlineCompletions {
    private static final Logger LOG = Logger.getLogger(InlineCompletions.class.getName());

    private final ModelRouter router;
    private final PromptModes modes;
    private final Supplier<CompletionSettings> settings;
    private final CursorWindow window;
    private final MetricsRecorder metrics;
    private final SuggestionShaper shaper = new SuggestionShaper();

    public InlineCompletions(ModelRouter router, PromptModes modes, Supplier<CompletionSettings> settings,
                             CursorWindow window, MetricsRecorder metrics) {
        this.router = router;
        this.modes = modes;
        this.settings = settings;
        this.window = window;
        this.metrics = metrics;
    }

    public CompletableFuture<Optional<Suggestion>> complete(CompletionQuery query) {
        long start = System.nanoTime();
        CompletionSettings settings = this.settings.get();
        CursorContext context = window.around(query.document(), query.offset());
        SuggestionShape shape = SuggestionShape.at(context);
        RouteRequest route = RouteRequest.within(Duration.ofMillis(settings.timeoutMs()),
                query.automatic() ? RequestKind.AUTOMATIC_COMPLETION : RequestKind.INVOKED_COMPLETION,
                shape == SuggestionShape.BLOCK, context.prefix().length() + context.suffix().length(),
                query.document().languageId(), query.document().uri());
        var streamed = new StringBuilder();
        CompletableFuture<RoutedGeneration> generation = router.generate(route,
                instance -> request(instance, context, shape, settings),
                delta -> {
                    streamed.append(delta);
                    return !shape.complete(streamed.toString(), context);
                });
        CompletableFuture<Optional<Suggestion>> result = generation.handle((done, error) -> {
            Throwable cause = unwrap(error);
            if (!(cause instanceof CancellationException)) {
                metrics.record(MetricsRecorder.COMPLETION, System.nanoTime() - start, cause != null);
            }
            if (done == null) {
                if (cause != null && !(cause instanceof CancellationException)) {
                    LOG.warning(() -> "No suggestion: " + cause);
                }
                return Optional.<Suggestion>empty();
            }
            return shaper.shape(done.generation().text(), context, shape)
                    .map(text -> new Suggestion(text, done.instance().toString()));
        });
        result.completeOnTimeout(Optional.empty(), settings.timeoutMs(), TimeUnit.MILLISECONDS);
        result.whenComplete((suggestion, error) -> generation.cancel(true));
        return result;
    }

    private GenerationRequest request(ModelInstance instance, CursorContext context, SuggestionShape shape,
                                      CompletionSettings settings) {
        if (modes.modeFor(instance.endpoint()) == PromptMode.RAW) {
            return new GenerationRequest(instance.model(), PromptMode.RAW, HarmonyPrompt.render(context, shape),
                    List.of(), settings.maxTokens(), settings.temperature(), HarmonyPrompt.STOP);
        }
        return new GenerationRequest(instance.model(), PromptMode.CHAT, null, ChatPrompt.messages(context, shape),
                settings.maxTokens() + settings.reasoningTokens(), settings.temperature(), List.of());
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
