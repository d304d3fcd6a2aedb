package dev.gptoss.ls.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void nulOrManyControlCharactersMeanBinary() {
        assertTrue(limits.refusal("text\0more").orElseThrow().contains("binary"));
        assertTrue(limits.refusal("\u0001\u0002\u0003abc\u0004\u0005\u0006").isPresent());
        assertEquals(Optional.empty(), limits.refusal("a\u001b[0m colour reset in a log line\n"));
    }
}
