package dev.gptoss.ls.context;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Makes the server's vocabulary resource from jtokkit's copy of o200k_base (a test dependency):
 * {@code java -cp <test class path> dev.gptoss.ls.context.O200kVocabularyFile
 * server/src/main/resources/dev/gptoss/ls/context/o200k-fnv1a32.bin}.
 */
public final class O200kVocabularyFile {
    static final String TIKTOKEN = "/com/knuddels/jtokkit/o200k_base.tiktoken";

    private O200kVocabularyFile() {
    }

    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), bytes());
    }

    /** The resource's bytes, made from the tiktoken file (one base64 token and its rank a line). */
    static byte[] bytes() throws IOException {
        String tiktoken;
        try (InputStream in = O200kVocabularyFile.class.getResourceAsStream(TIKTOKEN)) {
            tiktoken = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        int[] hashes = tiktoken.lines().filter(line -> !line.isBlank())
                .map(line -> Base64.getDecoder().decode(line.substring(0, line.indexOf(' '))))
                .mapToInt(O200kVocabularyFile::hash).sorted().distinct().toArray();
        int longest = tiktoken.lines().filter(line -> !line.isBlank())
                .mapToInt(line -> Base64.getDecoder().decode(line.substring(0, line.indexOf(' '))).length).max().orElseThrow();
        var buffer = new ByteArrayOutputStream();
        var out = new DataOutputStream(buffer);
        out.writeInt(hashes.length);
        out.writeInt(longest);
        long previous = Integer.MIN_VALUE;
        for (int hash : hashes) {
            long delta = hash - previous;
            previous = hash;
            while (delta >= 0x80) {
                out.write((int) (delta & 0x7f) | 0x80);
                delta >>>= 7;
            }
            out.write((int) delta);
        }
        out.flush();
        return buffer.toByteArray();
    }

    static int hash(byte[] token) {
        int hash = O200kVocabulary.FNV_OFFSET;
        for (byte b : token) {
            hash = O200kVocabulary.hash(hash, b);
        }
        return hash;
    }
}
