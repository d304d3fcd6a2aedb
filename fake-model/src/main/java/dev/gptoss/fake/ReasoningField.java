package dev.gptoss.fake;

/** The JSON field a server puts the model's reasoning (harmony analysis channel) in. */
public enum ReasoningField {
    /** Ollama's native API. */
    THINKING("thinking"),
    /** Ollama's OpenAI-compatible API and newer vLLM. */
    REASONING("reasoning"),
    /** llama.cpp and older vLLM. */
    REASONING_CONTENT("reasoning_content");

    private final String wireName;

    ReasoningField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses either the enum name or the wire name, ignoring case. */
    public static ReasoningField parse(String name) {
        for (ReasoningField field : values()) {
            if (field.wireName.equalsIgnoreCase(name) || field.name().equalsIgnoreCase(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown reasoning field: " + name);
    }
}
