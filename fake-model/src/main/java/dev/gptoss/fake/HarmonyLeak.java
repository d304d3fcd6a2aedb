package dev.gptoss.fake;

/**
 * How much of the harmony format a misconfigured server lets through into the generated text.
 * Applies to raw routes ({@code /api/generate} with {@code raw:true}, {@code /v1/completions}) and,
 * when {@link FakeBehavior#harmonyLeakInChat(boolean)} is set, to chat content.
 */
public enum HarmonyLeak {
    /** Clean text: only the answer. */
    NONE,
    /** The whole harmony turn: analysis channel, then final channel, then {@code <|return|>}. */
    FULL,
    /** The answer followed by {@code <|return|>}. */
    TRAILING,
    /** The answer followed by {@code <|end|>}. */
    TRAILING_END;

    /** The text the server would emit for this reasoning and answer. */
    public String apply(String reasoning, String answer) {
        return switch (this) {
            case FULL -> (reasoning.isEmpty() ? "" : "<|channel|>analysis<|message|>" + reasoning
                    + "<|end|><|start|>assistant") + "<|channel|>final<|message|>" + answer + "<|return|>";
            case TRAILING -> answer + "<|return|>";
            case TRAILING_END -> answer + "<|end|>";
            case NONE -> answer;
        };
    }

    /** Whether the reasoning still arrives on its own (FULL folds it into the text). */
    boolean keepsReasoningSeparate() {
        return this != FULL;
    }

    public static HarmonyLeak parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
