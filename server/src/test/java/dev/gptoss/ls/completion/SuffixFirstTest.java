package dev.gptoss.ls.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.guard.Redacted;
import dev.gptoss.ls.guard.SecretRedactor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt sent puts the lines below the cursor's line first, and only ever moves text the guard has redacted. */
class SuffixFirstTest {
    private static final String CURSOR = CompletionInstructions.CURSOR;

    @Test
    void theLinesBelowTheCursorsLineComeFirstAndTheCursorsLineStaysWhole() {
        CursorContext context = context("def total(items):\n    return sum(", "items)\n\n\nprint(total([1]))\n", "\n");
        String natural = "<|start|>user<|message|>" + CompletionInstructions.task(context, SuggestionShape.SINGLE_LINE)
                + "<|end|>";

        String sent = SuffixFirst.reorder(natural, CompletionInstructions.header(context),
                CompletionInstructions.trailer(context, SuggestionShape.SINGLE_LINE), "\n");

        assertEquals("<|start|>user<|message|>File: app.py (python)\n"
                + CompletionInstructions.BELOW + "\n\nprint(total([1]))\n\n"
                + CompletionInstructions.ABOVE + "def total(items):\n    return sum(" + CURSOR + "items)"
                + "\n\nComplete the current line only.<|end|>", sent);
    }

    @Test
    void typingAtTheCursorChangesOnlyTheEndOfThePrompt() {
        String below = "\n\nprint(total([1]))\n";
        String first = laidOut(context("def total(items):\n    return s", below, "\n"));
        String next = laidOut(context("def total(items):\n    return su", below, "\n"));

        int common = 0;
        while (first.charAt(common) == next.charAt(common)) {
            common++;
        }
        assertTrue(common > first.lastIndexOf(CompletionInstructions.ABOVE), "the prompts differ only after the code above");
    }

    @Test
    void aKeyBlockTheCursorsLineEndCutsIsRedactedWholeBeforeItIsMoved() throws Exception {
        String body1 = "MIIEpAIBAAKCAQEAq8TzXh5mS2p0Ul8bG9wYhY0ZkQ6yQwVv1XzH3k7rJ2m4nT8sP";
        String body2 = "Q2wE5rT7yU9iO1pA3sD5fG7hJ9kL1zX3cV5bN7mQ9wE2rT4yU6iO8pA0sD2fG4hJ";
        String body3 = "K6lZ8xC0vB2nM4qW6eR8tY0uI2oP4aS6dF8gH0jK2lZ4xC6vB8nM0qW2eR4tY6uI";
        String prefix = "KEY = \"\"\"-----BEGIN RSA PRIVATE KEY-----\n" + body1 + "\n" + body2;
        String suffix = "\n" + body3 + "\n-----END RSA PRIVATE KEY-----\"\"\"\n\nprint(KEY)\n";
        CursorContext context = context(prefix, suffix, "\n");
        String natural = CompletionInstructions.task(context, SuggestionShape.SINGLE_LINE);

        Redacted redacted = SecretRedactor.standard().redact(natural, Redacted.NONE, CURSOR);
        String sent = SuffixFirst.reorder(redacted.text(), CompletionInstructions.header(context),
                CompletionInstructions.trailer(context, SuggestionShape.SINGLE_LINE), "\n");

        for (String line : List.of(body1, body2, body3)) {
            assertFalse(sent.contains(line.substring(0, 20)), "a line of the key left: " + sent);
        }
        assertEquals(1, sent.split("<redacted:private-key:", -1).length - 1);
        assertTrue(sent.contains(CURSOR));
    }

    @Test
    void aPromptNotLaidOutAsExpectedIsSentInFileOrder() {
        String odd = "some prompt without the header " + CURSOR + " and no trailer";

        assertEquals(odd, SuffixFirst.reorder(odd, "File: a.py (python)\n", "\n\nComplete the current line only.", "\n"));
    }

    @Test
    void windowsLineEndsSplitTheLinesBelowWhereTheDocumentDoes() {
        CursorContext context = context("x = 1\r\ny = ", "2\r\nz = 3\r\n", "\r\n");

        String sent = laidOut(context);

        assertTrue(sent.contains(CompletionInstructions.BELOW + "z = 3\r\n\r\n" + CompletionInstructions.ABOVE
                + "x = 1\r\ny = " + CURSOR + "2\r\n\r\n"), sent);
    }

    private static String laidOut(CursorContext context) {
        return SuffixFirst.reorder(CompletionInstructions.task(context, SuggestionShape.SINGLE_LINE),
                CompletionInstructions.header(context), CompletionInstructions.trailer(context, SuggestionShape.SINGLE_LINE),
                context.lineSeparator());
    }

    private static CursorContext context(String prefix, String suffix, String separator) {
        String linePrefix = prefix.substring(prefix.lastIndexOf('\n') + 1);
        int end = suffix.indexOf(separator);
        String lineSuffix = end < 0 ? suffix : suffix.substring(0, end);
        return new CursorContext("file:///w/app.py", "python", prefix, suffix, linePrefix, lineSuffix, separator);
    }
}
