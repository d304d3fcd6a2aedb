package dev.gptoss.ls.guard;

import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.config.GuardSettings;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Everything the server checks before text leaves for a model and after a suggestion comes back:
 * whether the document may be used at all (exclusions, size, line length, binary), secrets in the
 * prompt replaced by placeholders, suggestions that would put one back dropped. One object, created
 * at start-up; settings change with the configuration.
 */
public final class PromptGuard {
    private static final Logger LOG = Logger.getLogger(PromptGuard.class.getName());
    /** API keys shorter than this are not worth a detector (and would redact ordinary words). */
    private static final int MIN_API_KEY_LENGTH = 6;

    private final Map<String, Checked> checkedByUri = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final List<Runnable> noteListeners = new CopyOnWriteArrayList<>();
    private volatile ExcludedDocuments excluded;
    private volatile Settings settings;
    private volatile String note;

    public PromptGuard(ExcludedDocuments excluded, GuardSettings settings, Collection<String> apiKeys) {
        this.excluded = excluded;
        use(settings, apiKeys);
    }

    /** New settings; the API keys of the configured endpoints are redacted like any secret. */
    public void use(GuardSettings next, Collection<String> apiKeys) {
        var detectors = new ArrayList<>(SecretDetectors.builtIn());
        for (GuardSettings.CustomPattern custom : next.customPatterns()) {
            detectors.add(SecretDetector.of(custom.name(), custom.regex()));
        }
        for (String key : apiKeys) {
            if (key != null && key.length() >= MIN_API_KEY_LENGTH) {
                boolean ascii = key.chars().allMatch(c -> c < 128);
                detectors.add(new SecretDetector("api-key", Pattern.compile(Pattern.quote(key)),
                        ascii ? List.of(SecretDetector.lowerAscii(key)) : List.of(), 0, value -> true));
            }
        }
        settings = new Settings(next, new SecretRedactor(detectors, next.redact()),
                new ModelInputLimits(next.maxDocumentBytes(), next.maxLineLength()));
        checkedByUri.clear();
    }

    /** The lead backs this with the context issue's exclusion rules after merging it. */
    public void useExclusions(ExcludedDocuments rules) {
        excluded = rules;
        checkedByUri.clear();
    }

    public ExcludedDocuments exclusions() {
        return excluded;
    }

    /**
     * Why this document gets no model request, or empty when it may have one. Said once per
     * document and reason in the log, and kept as the status note until a document passes.
     */
    public Optional<String> refusal(DocumentSnapshot document) {
        Optional<String> why = excluded.whyExcluded(document.uri());
        if (why.isEmpty()) {
            why = limitsRefusal(document);
        }
        if (why.isPresent()) {
            String message = "No completions for " + document.uri() + ": " + why.get();
            if (logged.add(document.uri() + "\n" + why.get())) {
                LOG.info(message);
            }
            setNote(message);
        } else {
            setNote(null);
        }
        return why;
    }

    /** Replaces the secrets of a request's prompt (raw text or every message) with placeholders. */
    public GuardedRequest redact(GenerationRequest request) throws UnredactableTextException {
        return redact(request, null);
    }

    /**
     * {@link #redact(GenerationRequest)} for a prompt that marks the cursor with {@code cursorMarker}:
     * a secret the cursor sits inside is still found whole.
     */
    public GuardedRequest redact(GenerationRequest request, String cursorMarker) throws UnredactableTextException {
        SecretRedactor redactor = settings.redactor;
        Redacted secrets = Redacted.NONE;
        String raw = request.rawPrompt();
        if (raw != null) {
            secrets = redactor.redact(raw, secrets, cursorMarker);
            raw = secrets.text();
        }
        var messages = new ArrayList<ChatMessage>(request.messages().size());
        for (ChatMessage message : request.messages()) {
            secrets = redactor.redact(message.content(), secrets, cursorMarker);
            messages.add(new ChatMessage(message.role(), secrets.text()));
        }
        var guarded = new GuardedRequest(new GenerationRequest(request.model(), request.mode(), raw, messages,
                request.maxTokens(), request.temperature(), request.stop()), secrets);
        if (settings.values.trace()) {
            LOG.info(() -> "Model request (" + request.model() + ", " + request.mode() + ", "
                    + guarded.secrets().secrets().size() + " secrets redacted): "
                    + (guarded.request().rawPrompt() != null ? guarded.request().rawPrompt()
                    : guarded.request().messages()));
        }
        return guarded;
    }

    /** Whether a suggestion may be shown; traced when tracing is on. */
    public boolean allows(String suggestion, GuardedRequest request) {
        boolean allowed = request.allows(suggestion);
        if (!allowed) {
            LOG.info("Dropped a suggestion that would re-insert a redacted secret");
        } else if (settings.values.trace()) {
            LOG.info(() -> "Suggestion: " + suggestion);
        }
        return allowed;
    }

    /** Redacts any other text that leaves for a model (code-action inputs, issue 6). */
    public Redacted redact(String text) throws UnredactableTextException {
        return settings.redactor.redact(text);
    }

    /** The last refusal, for the status view; null when the last document asked about passed. */
    public String note() {
        return note;
    }

    public void onNoteChange(Runnable listener) {
        noteListeners.add(listener);
    }

    private void setNote(String next) {
        String previous = note;
        note = next;
        if (!java.util.Objects.equals(previous, next)) {
            noteListeners.forEach(Runnable::run);
        }
    }

    /** The limits need a pass over the text: done once per text, not once per request. */
    private Optional<String> limitsRefusal(DocumentSnapshot document) {
        Checked checked = checkedByUri.get(document.uri());
        if (checked != null && checked.text.get() == document.content()) {
            return checked.refusal;
        }
        Optional<String> refusal = settings.limits.refusal(document.pieces());
        checkedByUri.put(document.uri(), new Checked(new WeakReference<>(document.content()), refusal));
        return refusal;
    }

    /** The document was closed: forget what was checked about it. */
    public void forget(String uri) {
        checkedByUri.remove(uri);
    }

    private record Settings(GuardSettings values, SecretRedactor redactor, ModelInputLimits limits) {
    }

    private record Checked(WeakReference<CharSequence> text, Optional<String> refusal) {
    }
}
