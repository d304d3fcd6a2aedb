package dev.gptoss.ls.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.documents.TextPosition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelInputLimitsTest {
    private final ModelInputLimits limits = new ModelInputLimits(10_000, 100);

    @Test
    void ordinaryCodePasses() {
        assertEquals(Optional.empty(), limits.refusal("def f(x):\r\n    return x\n\tpass\n"));
        assertEquals(Optional.empty(), limits.refusal(""));
    }

    @Test
    void sizeIsCountedInUtf8Bytes() {
        String line = "é".repeat(49) + "\n"; // 99 bytes, 50 characters
        assertEquals(Optional.empty(), limits.refusal(line.repeat(101)));
        assertTrue(limits.refusal(line.repeat(102)).orElseThrow().contains("maxDocumentBytes"));
        assertTrue(limits.refusal("x\n".repeat(6000)).isPresent());
    }

    @Test
    void aLongLineAnywhereRefusesTheDocument() {
        assertTrue(limits.refusal("a\n" + "x".repeat(101) + "\nb").orElseThrow().contains("101"));
        assertEquals(Optional.empty(), limits.refusal(("y".repeat(60) + "\r").repeat(10)), "lone CRs end lines too");
    }

    @Test
    void aLineIsMeasuredAcrossThePiecesItSpans() {
        assertTrue(limits.refusal(List.of("a\n" + "x".repeat(40), "y".repeat(40), "z".repeat(21) + "\nb"))
                .orElseThrow().contains("101"));
        assertEquals(Optional.empty(), limits.refusal(List.of("a\n" + "x".repeat(40), "y".repeat(40), "z".repeat(20)
                + "\nb")));
        String piece = ("é".repeat(49) + "\n").repeat(60); // 5,940 bytes
        assertEquals(Optional.empty(), limits.refusal(List.of(piece)));
        assertTrue(limits.refusal(List.of(piece, piece)).orElseThrow().contains("maxDocumentBytes"), "sizes add up");
    }

    @Test
    void aLargeDocumentIsJudgedAgainAfterEachEditAsAWhole() {
        var limitsOfLargeFiles = new ModelInputLimits(1_000_000, 200);
        String code = "    total = total + item.price * item.quantity\n".repeat(5_000);
        var document = new TextDocument("file:///big.py", "python", 1, code + "x".repeat(150) + "\n" + code);
        assertEquals(Optional.empty(), limitsOfLargeFiles.refusal(document.snapshot().pieces()));

        var end = document.snapshot().positionOf(code.length() + 150);
        document.applyEdit(end, end, "y".repeat(60));
        assertTrue(limitsOfLargeFiles.refusal(document.snapshot().pieces()).orElseThrow().contains("210"));

        document.applyEdit(new TextPosition(end.line(), 100), new TextPosition(end.line(), 100), "\n");
        assertEquals(Optional.empty(), limitsOfLargeFiles.refusal(document.snapshot().pieces()));

        document.applyEdit(new TextPosition(3, 0), new TextPosition(3, 0), "\0");
        assertTrue(limitsOfLargeFiles.refusal(document.snapshot().pieces()).orElseThrow().contains("binary"));
    }

    @Test
    void nulOrManyControlCharactersMeanBinary() {
        assertTrue(limits.refusal("text\0more").orElseThrow().contains("binary"));
        assertTrue(limits.refusal("\u0001\u0002\u0003abc\u0004\u0005\u0006").isPresent());
        assertEquals(Optional.empty(), limits.refusal("a\u001b[0m colour reset in a log line\n"));
    }
}
