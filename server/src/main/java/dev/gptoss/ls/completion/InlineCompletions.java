package dev.gptoss.ls.completion;

import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.config.CompletionSettings;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.concurrent.ForegroundWork;
import dev.gptoss.ls.context.PromptContext;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.guard.GuardedRequest;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.guard.UnredactableTextException;
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
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Inline completion: the code around the cursor goes to the model the router picks, what comes back
 * is shaped into a suggestion. A failing, slow or refusing model gives no suggestion, never an error:
 * the user is typing and an error popup would only get in the way. A model call belongs to the
 * document's {@link LiveSuggestion}: requests that continue it (typing along, asking again, the
 * prefetch after an accept) are answered from it, and any other edit ends it, aborting the HTTP
 * request.
 */
public final class InlineCompletions {
    private static final Logger LOG = Logger.getLogger(InlineCompletions.class.getName());

    private final ModelRouter router;
    private final PromptModes modes;
    private final Supplier<CompletionSettings> settings;
    private final BiFunction<DocumentSnapshot, Integer, PromptContext> contexts;
    private final Executor executor;
    private final MetricsRecorder metrics;
    private final CacheStats stats;
    private final SuggestionShaper shaper = new SuggestionShaper();
    private final LiveSuggestions live;
    private final PromptGuard guard;
    private final ForegroundWork foreground;
    private final Executor gracePeriod;

    /** @param foreground told while a completion is being prepared, so background indexing steps aside */
    public InlineCompletions(ModelRouter router, PromptModes modes, Supplier<CompletionSettings> settings,
                             BiFunction<DocumentSnapshot, Integer, PromptContext> contexts, MetricsRecorder metrics,
                             CacheStats stats, Executor executor, PromptGuard guard, ForegroundWork foreground) {
        this.router = router;
        this.modes = modes;
        this.settings = settings;
        this.contexts = contexts;
        this.metrics = metrics;
        this.stats = stats;
        this.executor = executor;
        this.gracePeriod = LiveSuggestion.gracePeriodOn(executor);
        this.live = new LiveSuggestions(stats, router::hasIdleSlot);
        this.guard = guard;
        this.foreground = foreground;
    }

    /**
     * Called in protocol order, on the thread that reads the editor's messages: deciding whether
     * the live suggestion answers is cheap, and deciding in order is what lets the request after a
     * keystroke join the stream the keystroke continued. Prompt building and the model call run on
     * the executor.
     */
    public CompletableFuture<Optional<Suggestion>> complete(CompletionQuery query) {
        return live.continueAt(query, () -> fresh(query, false)).orElseGet(() -> fresh(query, false));
    }

    /**
     * The user took a suggestion inserted at {@code offset}: ask for the next one at the end of it
     * in the background, so it is ready when the editor asks. {@code current} may or may not hold
     * the insertion yet, depending on whether its change arrived first.
     */
    public void accepted(DocumentSnapshot current, int offset, String insertText) {
        stats.accepted();
        boolean applied = offset + insertText.length() <= current.length()
                && current.slice(offset, offset + insertText.length()).equals(insertText);
        DocumentSnapshot after = applied ? current : withInsertion(current, offset, insertText);
        fresh(new CompletionQuery(after, offset + insertText.length(), true), true);
    }

    /** Ends model calls that an edit made useless; keeps the one the user is typing along. */
    public void documentChanged(String uri, Optional<DocumentSnapshot> now) {
        live.documentChanged(uri, now);
    }

    private CompletableFuture<Optional<Suggestion>> fresh(CompletionQuery query, boolean prefetch) {
        var attempt = new Attempt(query, settings.get());
        var suggestion = new LiveSuggestion(query.document(), query.offset(), attempt.result,
                attempt::streamedText, prefetch, executor, gracePeriod);
        attempt.live = suggestion;
        live.start(query.document().uri(), suggestion);
        foreground.begin();
        executor.execute(attempt::begin);
        return suggestion.read("", () -> CompletableFuture.completedFuture(Optional.empty()));
    }

    private static DocumentSnapshot withInsertion(DocumentSnapshot document, int offset, String text) {
        var predicted = TextDocument.from(document);
        var at = document.positionOf(offset);
        predicted.applyEdit(at, at, text);
        return predicted.snapshot();
    }

    /** One completion: prompt, routed model call, shaping; ends by its deadline whatever happens. */
    private final class Attempt {
        final CompletableFuture<Optional<Suggestion>> result = new CompletableFuture<>();
        final CompletionQuery query;
        final CompletionSettings settings;
        final long start = System.nanoTime();
        volatile String streamed = "";
        volatile LiveSuggestion live;
        /** The stream differed from what the user typed, and was cut there. */
        volatile boolean differed;
        volatile CompletableFuture<RoutedGeneration> generation;
        volatile GuardedRequest guarded;

        Attempt(CompletionQuery query, CompletionSettings settings) {
            this.query = query;
            this.settings = settings;
            result.completeOnTimeout(Optional.empty(), settings.timeoutMs(), TimeUnit.MILLISECONDS);
            result.whenComplete((suggestion, error) -> {
                CompletableFuture<RoutedGeneration> running = generation;
                if (running != null) {
                    running.cancel(true);
                }
            });
        }

        String streamedText() {
            return streamed;
        }

        /** Everything up to handing the request to the router; the model's time is not foreground work. */
        void begin() {
            try {
                prepare();
            } finally {
                foreground.end();
            }
        }

        private void prepare() {
            if (result.isDone()) {
                return;
            }
            try {
                // Excluded, too large, long-lined or binary documents never reach a model.
                if (guard.refusal(query.document()).isPresent()) {
                    result.complete(Optional.empty());
                    return;
                }
                PromptContext prompt = contexts.apply(query.document(), query.offset());
                CursorContext context = prompt.cursor();
                SuggestionShape shape = SuggestionShape.at(context);
                generation = router.generate(route(context, shape),
                        instance -> SuffixFirst.apply(redacted(request(instance, prompt, shape, settings)), context, shape),
                        delta -> {
                            streamed = streamed + delta;
                            // Cut at the first character that differs from what the user typed meanwhile.
                            LiveSuggestion call = live;
                            differed = call != null && call.differsFrom(streamed);
                            return !differed && !shape.complete(streamed, context);
                        });
                if (result.isDone()) {
                    generation.cancel(true);
                    return;
                }
                generation.whenComplete((done, error) -> finish(done, unwrap(error), context, shape));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot ask for a completion", e);
                result.complete(Optional.empty());
            }
        }

        private RouteRequest route(CursorContext context, SuggestionShape shape) {
            long left = settings.timeoutMs() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return RouteRequest.within(Duration.ofMillis(Math.max(1, left)),
                    query.automatic() ? RequestKind.AUTOMATIC_COMPLETION : RequestKind.INVOKED_COMPLETION,
                    shape == SuggestionShape.BLOCK, context.prefix().length() + context.suffix().length(),
                    query.document().languageId(), query.document().uri());
        }

        private void finish(RoutedGeneration done, Throwable error, CursorContext context, SuggestionShape shape) {
            if (!(error instanceof CancellationException)) {
                metrics.record(MetricsRecorder.COMPLETION, System.nanoTime() - start, error != null);
            }
            if (done == null || differed) {
                if (error != null && !(error instanceof CancellationException)) {
                    LOG.warning(() -> "No suggestion: " + error);
                }
                result.complete(Optional.empty());
                return;
            }
            GuardedRequest sent = guarded;
            result.complete(shaper.shape(done.generation().text(), context, shape)
                    .filter(text -> sent == null || guard.allows(text, sent))
                    .map(text -> new Suggestion(text, done.instance().toString())));
        }

        /** The whole prompt, every context source in it, leaves only with its secrets redacted. */
        private GenerationRequest redacted(GenerationRequest request) {
            try {
                GuardedRequest next = guard.redact(request, CompletionInstructions.CURSOR);
                guarded = next;
                return next.request();
            } catch (UnredactableTextException e) {
                throw new IllegalStateException("A prompt could not be checked for secrets, so it is not sent", e);
            }
        }
    }

    private GenerationRequest request(ModelInstance instance, PromptContext prompt, SuggestionShape shape,
                                      CompletionSettings settings) {
        if (modes.modeFor(instance.endpoint()) == PromptMode.RAW) {
            return new GenerationRequest(instance.model(), PromptMode.RAW, HarmonyPrompt.render(prompt, shape),
                    List.of(), settings.maxTokens(), settings.temperature(), HarmonyPrompt.STOP);
        }
        return new GenerationRequest(instance.model(), PromptMode.CHAT, null, ChatPrompt.messages(prompt, shape),
                settings.maxTokens() + settings.reasoningTokens(), settings.temperature(), List.of());
    }

    /** The prompt text every completion carries whatever the cursor, for the context budget. */
    public static String fixedPromptText() {
        return HarmonyPrompt.fixedText() + "File:  ()\n" + CompletionInstructions.BELOW + "\n"
                + CompletionInstructions.ABOVE + CompletionInstructions.CURSOR + "\n\n"
                + "Write the body of the block that starts at the cursor, then stop.";
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
