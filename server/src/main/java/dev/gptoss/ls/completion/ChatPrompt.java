package dev.gptoss.ls.completion;

import dev.gptoss.ls.backend.ChatMessage;
import dev.gptoss.ls.context.PromptContext;
import java.util.List;

/** The chat-mode prompt: instructions as the system message, the code with its cursor marker as the user's. */
final class ChatPrompt {
    private ChatPrompt() {
    }

    static List<ChatMessage> messages(PromptContext context, SuggestionShape shape) {
        return List.of(
                new ChatMessage("system", CompletionInstructions.developer()),
                new ChatMessage("user", CompletionInstructions.task(context, shape)));
    }
}
