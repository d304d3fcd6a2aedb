package dev.gptoss.ls.context;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens as gpt-oss does (o200k; harmony's extra special tokens do not occur in code, and
 * text that looks like one is counted as plain text). Context pieces and lines repeat from one
 * keystroke to the next, so their counts are cached.
 */
public final class TokenCounter {
    private final Cache<String, Integer> cache = Caffeine.newBuilder().maximumSize(20_000).build();
    private volatile Encoding encoding;

    public int count(String text) {
        return text.isEmpty() ? 0 : encoding().countTokensOrdinary(text);
    }

    /**
     * Loads the o200k vocabulary now (a few hundred milliseconds); called in the background after
     * start-up so neither {@code initialize} nor the first completion waits for it.
     */
    public void prepare() {
        encoding();
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
        if (text.length() > 4096) {
            return count(text);
        }
        return cache.get(text, this::count);
    }
}
