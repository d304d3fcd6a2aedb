package dev.gptoss.ls.context;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gptoss.ls.concurrent.Lazy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts tokens as gpt-oss does (o200k), within a few percent: the text is cut into o200k's
 * pieces by its own pattern, and each piece into the longest tokens of the vocabulary
 * ({@link O200kVocabulary}, 800 KB). {@code TokenCounterTest} checks the counts against exact
 * byte-pair encoding on real code. Harmony's special tokens do not occur in code; text that looks
 * like one is counted as plain text. Context pieces and lines repeat from one keystroke to the
 * next, so their counts are cached.
 */
public final class TokenCounter {
    /** o200k_base's pre-tokenizer: words with their leading space or mark, numbers of up to three digits, runs. */
    private static final Pattern PIECES = Pattern.compile(String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+"));
    private static final int CACHED_UP_TO_CHARS = 4096;

    private final Lazy<O200kVocabulary> vocabulary = Lazy.of(O200kVocabulary::load);
    private final Lazy<Cache<String, Integer>> cache =
            Lazy.of(() -> Caffeine.newBuilder().maximumSize(20_000).<String, Integer>build());

    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        O200kVocabulary tokens = vocabulary.get();
        byte[] bytes = new byte[64];
        int count = 0;
        Matcher piece = PIECES.matcher(text);
        while (piece.find()) {
            int start = piece.start();
            int end = piece.end();
            int length = end - start;
            if (isAscii(text, start, end)) {
                if (bytes.length < length) {
                    bytes = new byte[Math.max(length, 2 * bytes.length)];
                }
                for (int i = 0; i < length; i++) {
                    bytes[i] = (byte) text.charAt(start + i);
                }
            } else {
                bytes = text.substring(start, end).getBytes(StandardCharsets.UTF_8);
                length = bytes.length;
            }
            count += tokens.tokens(bytes, length);
        }
        return count;
    }

    /**
     * Reads the vocabulary (about 10 ms) on {@code executor}, so the first completion does not;
     * a count asked for meanwhile waits for it.
     */
    public CompletableFuture<Void> prepare(Executor executor) {
        return CompletableFuture.runAsync(vocabulary::get, executor);
    }

    /** Count of a piece that is likely to be asked about again (a line, a snippet). */
    public int countCached(String text) {
        if (text.length() > CACHED_UP_TO_CHARS) {
            return count(text);
        }
        return cache.get().get(text, this::count);
    }

    private static boolean isAscii(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
