package dev.gptoss.ls.config;

/**
 * Inline completion settings.
 *
 * @param maxTokens tokens the model may write for the suggestion itself
 * @param timeoutMs deadline of one completion request, from the editor's request to the answer
 * @param reasoningTokens extra tokens allowed in chat mode, where gpt-oss reasons before answering
 * @param temperature sampling temperature
 */
public record CompletionSettings(int maxTokens, int timeoutMs, int reasoningTokens, double temperature) {
    public static final CompletionSettings DEFAULT = new CompletionSettings(64, 2000, 256, 0.2);
}
