package dev.gptoss.ls.config;

/** The wire protocol an endpoint speaks. */
public enum ApiKind {
    /** Ollama's native API: {@code /api/generate}, {@code /api/chat}, NDJSON streams. */
    OLLAMA,
    /** OpenAI-compatible API: vLLM, llama.cpp server, LM Studio; SSE streams. */
    OPENAI;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
