package dev.gptoss.ls.context;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.Encodings;
import dev.gptoss.ls.concurrent.Lazy;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Counts tokens as gpt-oss does (o200k; harmony's extra special tokens do not occur in code, and
 * text that looks like one is counted as plain text). Context pieces and lines repeat from one
 * keystroke to the next, so their counts are cached.
 */
public final class TokenCounter {
    private static final Logger LOG = Logger.getLogger(TokenCounter.class.getName());
    private final Lazy<Cache<String, Integer>> cache =
            Lazy.of(() -> Caffeine.newBuilder().maximumSize(20_000).<String, Integer>build());
    private volatile Encoding encoding;
    private volatile boolean loading;

    /**
     * Exact once the vocabulary is loaded. While {@link #prepare} is still loading it, an
     * over-estimate (two characters a token; code averages about four), so no completion waits
     * and no prompt outgrows its budget.
     */
    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        Encoding loaded = encoding;
        if (loaded == null && loading) {
            return (text.length() + 1) / 2;
        }
        return (loaded != null ? loaded : encoding()).countTokensOrdinary(text);
    }

    /**
     * Loads the o200k vocabulary (a few hundred milliseconds) on {@code executor}, which may put
     * it off, so neither {@code initialize} nor the first completions wait for it: counts are
     * estimated from the moment this returns until it is loaded.
     */
    public CompletableFuture<Void> prepare(Executor executor) {
        loading = true;
        return CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            encoding();
            LOG.info(() -> "Token counts are exact from now on: the o200k vocabulary loaded in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        }, executor);
    }

    /** Whether counts are exact yet (the vocabulary is loaded). */
    public boolean exact() {
        return encoding != null;
    }

    private Encoding encoding() {
        Encoding loaded = encoding;
        if (loaded == null) {
            synchronized (this) {
                if (encoding == null) {
                    encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
                }
                loaded = encoding;
            }
        }
        return loaded;
    }

    /** Count of a piece that is likely to be asked about again (a line, a snippet). */
    public int countCached(String text) {
        if (text.length() > 4096 || encoding == null) {
            return count(text);
        }
        return cache.get().get(text, this::count);
    }
}
