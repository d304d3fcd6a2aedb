package dev.gptoss.ls.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gptoss.ls.concurrent.Lazy;
import java.util.List;
import java.util.Optional;

/**
 * Whether a document is fit to send to a model at all: not too large, no line too long (minified
 * or generated code, data), not binary. A document that is not is still kept in sync; it only
 * gets no model request.
 *
 * <p>A document comes as the pieces its versions share. What a piece holds (its UTF-8 size, NULs,
 * its runs between line ends) is worked out once per piece, so checking the next version after a
 * keystroke reads only the piece the keystroke changed.
 */
public final class ModelInputLimits {
    /** Like git: a NUL anywhere, or many control characters near the start, means binary. */
    private static final int SNIFF_CHARS = 8192;
    private static final double MAX_CONTROL_RATIO = 0.1;

    private final int maxDocumentBytes;
    private final int maxLineLength;
    /** Keyed by identity: a piece of a version is the same object in every later version that kept it. */
    private final Lazy<Cache<String, PieceFacts>> facts = Lazy.of(() -> Caffeine.newBuilder().weakKeys()
            .<String, PieceFacts>build());

    public ModelInputLimits(int maxDocumentBytes, int maxLineLength) {
        this.maxDocumentBytes = maxDocumentBytes;
        this.maxLineLength = maxLineLength;
    }

    /** Why this text gets no model request, or empty when it may have one. */
    public Optional<String> refusal(String text) {
        return refusal(List.of(text));
    }

    /** The same for a text given as the pieces that make it up, in order. */
    public Optional<String> refusal(List<String> pieces) {
        long bytes = 0;
        boolean nul = false;
        long run = 0;
        long longest = 0;
        for (String piece : pieces) {
            PieceFacts f = piece.length() < 64 ? PieceFacts.of(piece) : facts.get().get(piece, PieceFacts::of);
            bytes += f.utf8Bytes();
            nul |= f.hasNul();
            if (f.hasLineEnd()) {
                longest = Math.max(longest, Math.max(run + f.leadingRun(), f.longestInnerRun()));
                run = f.trailingRun();
            } else {
                run += f.leadingRun();
            }
        }
        longest = Math.max(longest, run);
        if (bytes > maxDocumentBytes) {
            return Optional.of("the document is larger than gptoss.guard.maxDocumentBytes (" + maxDocumentBytes
                    + " bytes)");
        }
        if (nul || manyControlCharacters(pieces)) {
            return Optional.of("the document looks binary (NUL or control characters)");
        }
        if (longest > maxLineLength) {
            return Optional.of("the document has a line of " + longest + " characters, above "
                    + "gptoss.guard.maxLineLength (" + maxLineLength + ")");
        }
        return Optional.empty();
    }

    private static boolean manyControlCharacters(List<String> pieces) {
        int seen = 0;
        int control = 0;
        for (String piece : pieces) {
            for (int i = 0; i < piece.length() && seen < SNIFF_CHARS; i++, seen++) {
                char c = piece.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f || c == '\uFFFD') {
                    control++;
                }
            }
            if (seen >= SNIFF_CHARS) {
                break;
            }
        }
        return seen > 0 && control > seen * MAX_CONTROL_RATIO;
    }

    /**
     * What the checks need to know of one piece. A run is a stretch without {@code \n} or {@code \r}:
     * LSP ends lines at either, so a line's length is its longest run.
     *
     * @param leadingRun the run from the piece's start (the whole piece when it has no line end)
     * @param trailingRun the run that ends the piece, after its last line end
     * @param longestInnerRun the longest run between two line ends of the piece
     */
    record PieceFacts(long utf8Bytes, boolean hasNul, boolean hasLineEnd, int leadingRun, int trailingRun,
                      int longestInnerRun) {

        static PieceFacts of(String piece) {
            long bytes = 0;
            boolean nul = false;
            int firstEnd = -1;
            int lastEnd = -1;
            int longestInner = 0;
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                if (c == '\n' || c == '\r') {
                    if (firstEnd >= 0) {
                        longestInner = Math.max(longestInner, i - lastEnd - 1);
                    } else {
                        firstEnd = i;
                    }
                    lastEnd = i;
                }
                if (c < 0x80) {
                    nul |= c == 0;
                    bytes++;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < piece.length()
                        && Character.isLowSurrogate(piece.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            boolean hasLineEnd = firstEnd >= 0;
            return new PieceFacts(bytes, nul, hasLineEnd,
                    hasLineEnd ? firstEnd : piece.length(), hasLineEnd ? piece.length() - lastEnd - 1 : 0,
                    longestInner);
        }
    }
}
