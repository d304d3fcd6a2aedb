package dev.gptoss.ls.guard;

import java.util.Optional;

/**
 * Whether a document is fit to send to a model at all: not too large, no line too long (minified
 * or generated code, data), not binary. A document that is not is still kept in sync; it only
 * gets no model request. Every check is one linear pass, most of it {@code indexOf}.
 */
public final class ModelInputLimits {
    /** Like git: a NUL anywhere, or many control characters near the start, means binary. */
    private static final int SNIFF_CHARS = 8192;
    private static final double MAX_CONTROL_RATIO = 0.1;

    private final int maxDocumentBytes;
    private final int maxLineLength;

    public ModelInputLimits(int maxDocumentBytes, int maxLineLength) {
        this.maxDocumentBytes = maxDocumentBytes;
        this.maxLineLength = maxLineLength;
    }

    /** Why this text gets no model request, or empty when it may have one. */
    public Optional<String> refusal(String text) {
        if (tooLarge(text)) {
            return Optional.of("the document is larger than gptoss.guard.maxDocumentBytes (" + maxDocumentBytes
                    + " bytes)");
        }
        if (looksBinary(text)) {
            return Optional.of("the document looks binary (NUL or control characters)");
        }
        int longest = longestLine(text, maxLineLength);
        if (longest > maxLineLength) {
            return Optional.of("the document has a line of " + longest + " characters, above "
                    + "gptoss.guard.maxLineLength (" + maxLineLength + ")");
        }
        return Optional.empty();
    }

    /** UTF-8 takes 1 to 3 bytes per UTF-16 unit, so most documents are decided by their length alone. */
    private boolean tooLarge(String text) {
        if (text.length() > maxDocumentBytes) {
            return true;
        }
        if ((long) text.length() * 3 <= maxDocumentBytes) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes > maxDocumentBytes;
    }

    static boolean looksBinary(String text) {
        if (text.indexOf('\0') >= 0) {
            return true;
        }
        int end = Math.min(text.length(), SNIFF_CHARS);
        int control = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f || c == '\uFFFD') {
                control++;
            }
        }
        return end > 0 && control > end * MAX_CONTROL_RATIO;
    }

    /** The longest line's length, or the first length found above {@code limit}. */
    static int longestLine(String text, int limit) {
        int longest = 0;
        int start = 0;
        while (start <= text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf;
            int length = end - start;
            if (length > limit) {
                // A lone \r also ends a line: measure the longest piece between them.
                length = longestBetweenCarriageReturns(text, start, end);
                if (length > limit) {
                    return length;
                }
            }
            longest = Math.max(longest, length);
            if (lf < 0) {
                break;
            }
            start = lf + 1;
        }
        return longest;
    }

    private static int longestBetweenCarriageReturns(String text, int start, int end) {
        int longest = 0;
        int from = start;
        while (from <= end) {
            int cr = text.indexOf('\r', from);
            int to = cr < 0 || cr > end ? end : cr;
            longest = Math.max(longest, to - from);
            from = to + 1;
        }
        return longest;
    }
}
