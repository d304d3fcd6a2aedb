package dev.gptoss.sim;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;

/**
 * gpt-oss's tokenizer (o200k). Harmony's special tokens are counted as the text they are, which
 * is a few tokens more than a server counts for each; what matters here is where two prompts
 * start to differ, and that is the same.
 */
public final class Tokenizer {
    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    public int[] encode(String text) {
        return text.isEmpty() ? new int[0] : encoding.encodeOrdinary(text).toArray();
    }

    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /**
     * For each token of {@code text}, the char offset in {@code text} where it ends. A token that
     * ends inside a multi-byte character ends after that character.
     */
    public int[] tokenEnds(String text) {
        int[] tokens = encode(text);
        int[] ends = new int[tokens.length];
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] charAtByte = charOffsetsOfBytes(text, utf8.length);
        int bytes = 0;
        var one = new IntArrayList(1);
        for (int i = 0; i < tokens.length; i++) {
            one.clear();
            one.add(tokens[i]);
            bytes = Math.min(utf8.length, bytes + encoding.decodeBytes(one).length);
            ends[i] = charAtByte[bytes];
        }
        return ends;
    }

    /** charAt[b] = the number of chars whose UTF-8 bytes end at or before byte b (rounded up inside a char). */
    private static int[] charOffsetsOfBytes(String text, int byteCount) {
        int[] charAt = new int[byteCount + 1];
        int b = 0;
        for (int c = 0; c < text.length(); ) {
            int cp = text.codePointAt(c);
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            int next = c + Character.charCount(cp);
            for (int k = 1; k <= width; k++) {
                charAt[b + k] = next;
            }
            b += width;
            c = next;
        }
        return charAt;
    }
}
