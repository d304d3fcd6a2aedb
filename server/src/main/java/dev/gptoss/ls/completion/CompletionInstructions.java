package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.context.PromptContext;

/**
 * What the model is told, the same in both prompt modes. The task is written with the code in
 * file order ({@link #task}), which is what the guard redacts (a secret the cursor sits in, or one
 * that spans lines, is whole only there); {@link SuffixFirst} then puts the lines below the
 * cursor's line first.
 */
final class CompletionInstructions {
    static final String CURSOR = "<CURSOR>";
    /** The headings of the two parts of the file, in the order the prompt sent has them. */
    static final String BELOW = "The code below the cursor's line:\n";
    static final String ABOVE = "The code from the top down to the cursor's line:\n";

    private CompletionInstructions() {
    }

    static String developer() {
        return """
                # Instructions

                You are a code completion engine inside an editor. The user sends a file in two parts: \
                first the code below the cursor's line, then the code from the top of the file down to \
                the cursor's line, with the cursor marked <CURSOR>. Reply with exactly the text to insert \
                at <CURSOR>, nothing else: no \
                explanation, no Markdown, no code fences, and never repeat code that is already before \
                or after the cursor. Match the file's language, style and indentation. If nothing \
                sensible fits, reply with nothing.""";
    }

    /** The user message: context from other code first (it changes least), the cursor text last. */
    static String task(PromptContext prompt, SuggestionShape shape) {
        return prompt.contextBlock() + task(prompt.cursor(), shape);
    }

    /** The task with the code in file order: header, the code with its cursor marker, trailer. */
    static String task(CursorContext context, SuggestionShape shape) {
        return header(context) + context.prefix() + CURSOR + context.suffix() + trailer(context, shape);
    }

    static String header(CursorContext context) {
        return "File: " + displayPath(context.path()) + " (" + context.languageId() + ")\n";
    }

    /** What follows the code: what to write. */
    static String trailer(CursorContext context, SuggestionShape shape) {
        String scope = switch (shape) {
            case SINGLE_LINE -> "Complete the current line only.";
            case NEXT_LINE -> "Complete the current line; if it is finished, write the next line only.";
            case BLOCK -> context.linePrefix().isBlank() ? "Write the missing lines at the cursor, then stop."
                    : "Write the body of the block that starts at the cursor, then stop.";
        };
        return context.lineSeparator() + context.lineSeparator() + scope;
    }

    private static String displayPath(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash >= 0 ? uri.substring(slash + 1) : uri;
    }
}
