package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.CursorContext;
import dev.gptoss.ls.context.PromptContext;

/** What the model is told, the same in both prompt modes; stable text first, for prompt caches. */
final class CompletionInstructions {
    static final String CURSOR = "<CURSOR>";

    private CompletionInstructions() {
    }

    static String developer() {
        return """
                # Instructions

                You are a code completion engine inside an editor. The user sends a file with the cursor \
                marked <CURSOR>. Reply with exactly the text to insert at <CURSOR>, nothing else: no \
                explanation, no Markdown, no code fences, and never repeat code that is already before \
                or after the cursor. Match the file's language, style and indentation. If nothing \
                sensible fits, reply with nothing.""";
    }

    /** The user message: context from other code first (it changes least), the cursor text last. */
    static String task(PromptContext prompt, SuggestionShape shape) {
        return prompt.contextBlock() + task(prompt.cursor(), shape);
    }

    static String task(CursorContext context, SuggestionShape shape) {
        String scope = shape == SuggestionShape.SINGLE_LINE
                ? "Complete the current line only."
                : "Write the body of the block that starts at the cursor, then stop.";
        return "File: " + displayPath(context.path()) + " (" + context.languageId() + ")\n"
                + scope + "\n\n"
                + context.prefix() + CURSOR + context.suffix();
    }

    private static String displayPath(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash >= 0 ? uri.substring(slash + 1) : uri;
    }
}
