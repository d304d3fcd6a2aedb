package dev.gptoss.ls.completion;

import dev.gptoss.ls.context.PromptContext;

/**
 * A raw prompt in gpt-oss's harmony format. It closes an empty analysis message and opens the
 * {@code final} channel itself, so the model answers at once instead of reasoning first.
 */
final class HarmonyPrompt {
    /** Not {@code <|end|>}: a model that reasons anyway ends its analysis with it and answers after. */
    static final java.util.List<String> STOP = java.util.List.of("<|return|>", "<|call|>");

    private static final String SYSTEM = "<|start|>system<|message|>"
            + "You are ChatGPT, a large language model trained by OpenAI.\n"
            + "Knowledge cutoff: 2024-06\n\n"
            + "Reasoning: low\n\n"
            + "# Valid channels: analysis, commentary, final. Channel must be included for every message."
            + "<|end|>";
    private static final String DEVELOPER = "<|start|>developer<|message|>" + CompletionInstructions.developer() + "<|end|>";
    private static final String ANSWER_NOW = "<|start|>assistant<|channel|>analysis<|message|>"
            + "The user wants only the inserted code.<|end|>"
            + "<|start|>assistant<|channel|>final<|message|>";

    private HarmonyPrompt() {
    }

    /** The prompt text that does not depend on the cursor, counted against the context budget. */
    static String fixedText() {
        return SYSTEM + DEVELOPER + "<|start|>user<|message|>" + "<|end|>" + ANSWER_NOW;
    }

    static String render(PromptContext context, SuggestionShape shape) {
        return SYSTEM + DEVELOPER
                + "<|start|>user<|message|>" + CompletionInstructions.task(context, shape) + "<|end|>"
                + ANSWER_NOW;
    }
}
