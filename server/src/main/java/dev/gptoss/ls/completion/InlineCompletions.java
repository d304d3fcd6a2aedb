package dev.gptoss.ls.completion;

import dev.gptoss.ls.backend.BackendException;
import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.config.CompletionSettings;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.guard.GuardedRequest;
import dev.gptoss.ls.guard.PromptGuard;
import dev.gptoss.ls.guard.UnredactableTextException;
import dev.gptoss.ls.routing.ModelInstance;
import dev.gptoss.ls.routing.ModelRouter;
import dev.gptoss.ls.routing.PromptModes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
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
    private final CursorWindow window;
    private final Executor executor;
    private final SuggestionShaper shaper = new SuggestionShaper();
    private final LiveSuggestions live;
    private final CacheStats stats;
    private final PromptGuard guard;

    public InlineCompletions(ModelRouter router, PromptModes modes, Supplier<CompletionSettings> settings,
                             CursorWindow window, CacheStats stats, Executor executor, PromptGuard guard) {
        this.router = router;
        this.modes = modes;
        this.settings = settings;
        this.window = window;
        this.executor = executor;
        this.live = new LiveSuggestions(stats);
        this.stats = stats;
        this.guard = guard;
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
        boolean applied = current.text().startsWith(insertText, offset);
        DocumentSnapshot after = applied ? current : withInsertion(current, offset, insertText);
        fresh(new CompletionQuery(after, offset + insertText.length(), true), true);
    }

    /** Ends model calls that an edit made useless; keeps the one the user is typing along. */
    public void documentChanged(String uri, Optional<DocumentSnapshot> now) {
        live.documentChanged(uri, now);
    }

    private CompletableFuture<Optional<Suggestion>> fresh(CompletionQuery query, boolean prefetch) {
        Optional<ModelInstance> instance = router.forCompletion();
        if (instance.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        var attempt = new Attempt(query, instance.get(), settings.get());
        var suggestion = new LiveSuggestion(query.document(), query.offset(), attempt.result,
                attempt::streamedText, prefetch);
        live.start(query.document().uri(), suggestion);
        executor.execute(attempt::begin);
        return suggestion.read("", () -> CompletableFuture.completedFuture(Optional.empty()));
    }

    private static DocumentSnapshot withInsertion(DocumentSnapshot document, int offset, String text) {
        var predicted = new TextDocument(document.uri(), document.languageId(), document.version(), document.text());
        var at = document.positionOf(offset);
        predicted.applyEdit(at, at, text);
        return predicted.snapshot();
    }

    /** One completion, possibly retried once in chat mode when the endpoint refuses raw prompts. */
    private final class Attempt {
        final CompletableFuture<Optional<Suggestion>> result = new CompletableFuture<>();
        final AtomicReference<CompletableFuture<Generation>> call = new AtomicReference<>();
        final CompletionQuery query;
        final ModelInstance instance;
        final CompletionSettings settings;
        CursorContext context;
        SuggestionShape shape;
        volatile String streamed = "";

        Attempt(CompletionQuery query, ModelInstance instance, CompletionSettings settings) {
            this.query = query;
            this.instance = instance;
            this.settings = settings;
            result.completeOnTimeout(Optional.empty(), settings.timeoutMs(), TimeUnit.MILLISECONDS);
            result.whenComplete((suggestion, error) -> {
                CompletableFuture<Generation> running = call.get();
                if (running != null) {
                    running.cancel(true);
                }
            });
        }

        String streamedText() {
            return streamed;
        }

        void begin() {
            if (result.isDone()) {
                return;
            }
            try {
                // Issue 8 guard: excluded, too large, long-lined or binary documents never reach a model.
                if (guard.refusal(query.document()).isPresent()) {
                    result.complete(Optional.empty());
                    return;
                }
                context = window.around(query.document(), query.offset());
                shape = SuggestionShape.at(context);
                start(modes.modeFor(instance.endpoint()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot build a completion prompt", e);
                result.complete(Optional.empty());
            }
        }

        void start(PromptMode mode) {
            streamed = "";
            // Issue 8 guard: the whole prompt, every context source in it, leaves only with its secrets redacted.
            GuardedRequest guarded;
            try {
                guarded = guard.redact(request(mode), CompletionInstructions.CURSOR);
            } catch (UnredactableTextException e) {
                LOG.warning(() -> "No completion: " + e.getMessage());
                result.complete(Optional.empty());
                return;
            }
            CompletableFuture<Generation> generation = router.call(instance, guarded.request(), delta -> {
                streamed = streamed + delta;
                return !shape.complete(streamed, context);
            });
            call.set(generation);
            if (result.isDone()) {
                generation.cancel(true);
                return;
            }
            generation.whenComplete((done, error) -> {
                if (done != null) {
                    result.complete(shaper.shape(done.text(), context, shape)
                            .filter(text -> guard.allows(text, guarded)) // issue 8 guard
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
                return new GenerationRequest(instance.model(), PromptMode.RAW, HarmonyPrompt.render(context, shape),
                        List.of(), settings.maxTokens(), settings.temperature(), HarmonyPrompt.STOP);
            }
            return new GenerationRequest(instance.model(), PromptMode.CHAT, null, ChatPrompt.messages(context, shape),
                    settings.maxTokens() + settings.reasoningTokens(), settings.temperature(), List.of());
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
