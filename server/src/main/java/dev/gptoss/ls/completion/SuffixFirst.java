package dev.gptoss.ls.completion;

import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.context.CursorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a redacted completion prompt for the model server's prefix cache: the lines below the
 * cursor's line come before the code from the top of the file down to the cursor's line (the
 * suffix-prefix-middle order of fill-in-the-middle prompting). Typing at the cursor changes
 * neither the context nor the lines below it, so from one key to the next only the end of the
 * prompt is new and a server that keeps the last prompt's state (llama.cpp, Ollama, vLLM's prefix
 * caching) computes a few tokens instead of everything after the cursor.
 *
 * <p>It works on the prompt the guard has already redacted, in file order: it moves redacted text,
 * never the original, and a secret that spanned the cursor's line end is one placeholder by then.
 * When the prompt is not laid out as expected it is sent in file order.
 */
final class SuffixFirst {
    private SuffixFirst() {
    }

    static GenerationRequest apply(GenerationRequest redacted, CursorContext context, SuggestionShape shape) {
        String header = CompletionInstructions.header(context);
        String trailer = CompletionInstructions.trailer(context, shape);
        String separator = context.lineSeparator();
        String raw = redacted.rawPrompt() == null ? null : reorder(redacted.rawPrompt(), header, trailer, separator);
        List<ChatMessage> messages = new ArrayList<>(redacted.messages());
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if (message.content().contains(CompletionInstructions.CURSOR)) {
                messages.set(i, new ChatMessage(message.role(), reorder(message.content(), header, trailer, separator)));
                break;
            }
        }
        return new GenerationRequest(redacted.model(), redacted.mode(), raw, messages, redacted.maxTokens(),
                redacted.temperature(), redacted.stop());
    }

    /** {@code header + above + CURSOR + lineRest + separator + below + trailer}, the cursor's line kept whole. */
    static String reorder(String text, String header, String trailer, String separator) {
        int cursor = text.lastIndexOf(CompletionInstructions.CURSOR);
        int headerAt = cursor < 0 ? -1 : text.lastIndexOf(header, cursor);
        int trailerAt = text.lastIndexOf(trailer);
        if (headerAt < 0 || trailerAt < cursor) {
            return text;
        }
        int codeStart = headerAt + header.length();
        String above = text.substring(codeStart, cursor);
        String rest = text.substring(cursor + CompletionInstructions.CURSOR.length(), trailerAt);
        int lineEnd = rest.indexOf(separator);
        String lineRest = lineEnd < 0 ? rest : rest.substring(0, lineEnd);
        String below = lineEnd < 0 ? "" : rest.substring(lineEnd + separator.length());
        return text.substring(0, codeStart)
                + CompletionInstructions.BELOW + below + separator
                + CompletionInstructions.ABOVE + above + CompletionInstructions.CURSOR + lineRest
                + text.substring(trailerAt);
    }
}
