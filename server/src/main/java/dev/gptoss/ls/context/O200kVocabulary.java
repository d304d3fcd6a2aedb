package dev.gptoss.ls.context;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The o200k vocabulary (gpt-oss's tokenizer) held as a sorted array of 32-bit FNV-1a hashes of its
 * tokens' bytes: 800 KB where the full vocabulary with its merge ranks takes some 40 MB of small
 * objects. A hash says whether a byte string is a token, which is all a count needs; two tokens
 * sharing a hash, or a non-token taking a token's, changes a count by one token in rare cases.
 *
 * <p>The resource holds the hash count, the longest token's length in bytes, then the sorted
 * hashes as unsigned variable-length deltas. {@code O200kVocabularyTest} rebuilds it from
 * jtokkit's copy of the vocabulary and checks that it matches.
 */
final class O200kVocabulary {
    static final String RESOURCE = "o200k-fnv1a32.bin";
    static final int FNV_OFFSET = 0x811c9dc5;
    static final int FNV_PRIME = 0x01000193;

    private final int[] hashes;
    private final int longest;

    O200kVocabulary(int[] sortedHashes, int longest) {
        this.hashes = sortedHashes;
        this.longest = longest;
    }

    static O200kVocabulary load() {
        try (InputStream raw = O200kVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("The server is missing its resource " + RESOURCE);
            }
            return read(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token vocabulary " + RESOURCE, e);
        }
    }

    static O200kVocabulary read(InputStream raw) throws IOException {
        var in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        int count = in.readInt();
        int longest = in.readInt();
        int[] hashes = new int[count];
        long previous = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            previous += readVarint(in);
            hashes[i] = (int) previous;
        }
        return new O200kVocabulary(hashes, longest);
    }

    private static long readVarint(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the vocabulary resource ends early");
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("the vocabulary resource is corrupt");
    }

    static int hash(int hash, int b) {
        return (hash ^ (b & 0xff)) * FNV_PRIME;
    }

    boolean contains(int hash) {
        return Arrays.binarySearch(hashes, hash) >= 0;
    }

    int size() {
        return hashes.length;
    }

    /**
     * Tokens in {@code bytes[0, length)}, one piece of the pre-tokenized text: the longest token
     * at the start, then again from where it ends. Byte-pair merging gives the same split for
     * nearly every piece of code, and never more than one token apart.
     */
    int tokens(byte[] bytes, int length) {
        int tokens = 0;
        int start = 0;
        while (start < length) {
            int end = start + 1; // every single byte is a token
            int hash = hash(FNV_OFFSET, bytes[start]);
            int limit = Math.min(length, start + longest);
            for (int i = start + 1; i < limit; i++) {
                hash = hash(hash, bytes[i]);
                if (contains(hash)) {
                    end = i + 1;
                }
            }
            tokens++;
            start = end;
        }
        return tokens;
    }
}
