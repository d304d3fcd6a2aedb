package dev.gptoss.ls.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's token counts against exact o200k byte-pair encoding (jtokkit) on real code from six
 * repositories in six languages (test resources {@code tokens/}, with their licences): every
 * prompt-sized piece within 5%, counted whole or line by line as the cursor text is.
 */
class TokenCounterTest {
    private static final Encoding EXACT = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final TokenCounter COUNTER = new TokenCounter();
    /** About the default budget of a completion prompt (2,048 tokens) in code. */
    private static final int PROMPT_CHARS = 8000;
    private static final double TOLERANCE = 0.05;

    @Test
    void theVocabularyResourceIsO200kAsJtokkitHasIt() throws IOException {
        try (InputStream resource = O200kVocabulary.class.getResourceAsStream(O200kVocabulary.RESOURCE)) {
            assertArrayEquals(O200kVocabularyFile.bytes(), resource.readAllBytes(),
                    "rebuild it with O200kVocabularyFile (see its comment)");
        }
        assertEquals(199_995, O200kVocabulary.load().size(), "199,998 tokens, of which three pairs share a hash");
    }

    @Test
    void promptSizedPiecesOfRealCodeCountWithinFivePercent() {
        int pieces = 0;
        double worst = 0;
        String worstWhere = "";
        for (Path file : corpus()) {
            List<String> chunks = promptSizedPieces(read(file));
            for (int i = 0; i < chunks.size(); i++) {
                String chunk = chunks.get(i);
                // whole, as context snippets are counted; line by line, as the cursor text is
                int[][] countedAndExact = {
                    {COUNTER.count(chunk), EXACT.countTokensOrdinary(chunk)},
                    {chunk.lines().mapToInt(line -> COUNTER.countCached(line + "\n")).sum(),
                        chunk.lines().mapToInt(line -> EXACT.countTokensOrdinary(line + "\n")).sum()}};
                for (int[] pair : countedAndExact) {
                    double error = (pair[0] - pair[1]) / (double) pair[1];
                    if (Math.abs(error) > Math.abs(worst)) {
                        worst = error;
                        worstWhere = file.getFileName() + " piece " + (i + 1);
                    }
                }
                pieces++;
            }
        }
        assertTrue(pieces >= 25, "the corpus makes " + pieces + " pieces");
        System.out.printf("TokenCounterTest: worst of %d prompt-sized pieces %+.2f%% (%s)%n", pieces, 100 * worst, worstWhere);
        assertTrue(Math.abs(worst) <= TOLERANCE,
                String.format("worst of %d pieces: %+.1f%% (%s)", pieces, 100 * worst, worstWhere));
    }

    @Test
    void textBeyondAsciiCountsLikeO200k() {
        String text = """
                # Größe der Übersicht: 面积 = 长 × 宽 😀
                def café(naïve: str) -> str:  # 返回值
                    return naïve.upper() + "→" + "ñ" * 3\r
                """.repeat(40);
        int exact = EXACT.countTokensOrdinary(text);
        assertTrue(Math.abs(COUNTER.count(text) - exact) <= exact * TOLERANCE, COUNTER.count(text) + " vs " + exact);
    }

    @Test
    void smallPiecesCountExactly() {
        assertEquals(0, COUNTER.count(""));
        for (String text : List.of("x", "    ", "\n", "return a + b", "def total(items):\n    return sum(items)\n",
                "public static void main(String[] args) {", "const answer = 42;", "fn main() {}", "\t\t}\n")) {
            assertEquals(EXACT.countTokensOrdinary(text), COUNTER.count(text), text);
        }
    }

    /** Whole lines, about {@link #PROMPT_CHARS} at a time. */
    private static List<String> promptSizedPieces(String text) {
        var pieces = new ArrayList<String>();
        var piece = new StringBuilder();
        for (String line : text.split("(?<=\n)")) {
            piece.append(line);
            if (piece.length() >= PROMPT_CHARS) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
        }
        if (piece.length() >= PROMPT_CHARS / 4) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    static List<Path> corpus() {
        try (Stream<Path> files = Files.walk(Path.of(TokenCounterTest.class.getResource("/tokens").toURI()))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(py|go|rs|js|ts|java)"))
                    .sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
