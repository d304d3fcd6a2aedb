package dev.gptoss.ls.backend;

import dev.gptoss.ls.config.PromptMode;
import java.util.List;

/**
 * What to ask a model. In {@link PromptMode#RAW} mode {@code rawPrompt} is sent as is; in
 * {@link PromptMode#CHAT} mode {@code messages} are, with reasoning effort {@code low}.
 */
public record GenerationRequest(
        String model,
        PromptMode mode,
        String rawPrompt,
        List<ChatMessage> messages,
        int maxTokens,
        double temperature,
        List<String> stop) {

    public GenerationRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }
}
