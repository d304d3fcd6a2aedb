package dev.gptoss.ls.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gptoss.ls.concurrent.Lazy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Answers to free-form questions about code ("explain this"), reused when a new question means
 * the same: embeddings at least {@link #THRESHOLD} similar, and the same code (after removing
 * whitespace and comments), model, reasoning effort, action kind and language. Never used for
 * inline completions, where code that differs by one character scores as similar.
 */
public final class SemanticAnswerCache {
    public static final double THRESHOLD = 0.85;
    /** Phrasing the question as one about code puts questions of one intent close together. */
    private static final String FRAME = "Question about the selected code: ";

    /** What must match exactly before similarity is even looked at. */
    public record Scope(String model, String reasoningEffort, String actionKind, String languageId, String code) {
        Scope normalized() {
            return new Scope(model, reasoningEffort, actionKind, languageId, CodeFingerprint.of(languageId, code));
        }
    }

    private record Answer(float[] question, String text) {
    }

    private final Supplier<Optional<InstructionEmbedder>> embedder;
    private final CacheStats stats;
    private final Lazy<Cache<Scope, List<Answer>>> answers = Lazy.of(() -> Caffeine.newBuilder()
            .maximumSize(2_000)
            .expireAfterWrite(Duration.ofHours(1))
            .<Scope, List<Answer>>build());

    /** @param embedder loaded on first use; empty when the embedding module is not installed */
    public SemanticAnswerCache(Supplier<Optional<InstructionEmbedder>> embedder, CacheStats stats) {
        this.embedder = embedder;
        this.stats = stats;
    }

    public Optional<String> find(Scope scope, String question) {
        List<Answer> candidates = answers.get().getIfPresent(scope.normalized());
        Optional<InstructionEmbedder> model = embedder.get();
        if (candidates == null || model.isEmpty()) {
            stats.miss(CacheStats.Layer.SEMANTIC);
            return Optional.empty();
        }
        float[] asked = model.get().embed(framed(question));
        for (Answer answer : candidates) {
            if (cosine(asked, answer.question()) >= THRESHOLD) {
                stats.hit(CacheStats.Layer.SEMANTIC);
                return Optional.of(answer.text());
            }
        }
        stats.miss(CacheStats.Layer.SEMANTIC);
        return Optional.empty();
    }

    public void put(Scope scope, String question, String answer) {
        if (answer.isBlank()) {
            return;
        }
        embedder.get().ifPresent(model -> answers.get().get(scope.normalized(), s -> new CopyOnWriteArrayList<>())
                .add(new Answer(model.embed(framed(question)), answer)));
    }

    /** "Explain this" and "what does this code do?" differ mostly in naming the code; name it in both. */
    static String framed(String question) {
        String q = question.strip().toLowerCase(Locale.ROOT).replaceAll("[?.!]+$", "").replaceAll("\\s+", " ");
        if (q.endsWith(" this") || q.equals("this")) {
            q = q + " code";
        }
        return FRAME + q;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
