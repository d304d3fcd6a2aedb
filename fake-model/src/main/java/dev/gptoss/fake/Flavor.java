package dev.gptoss.fake;

/** Which real server the fake imitates; decides which routes exist and the shape of error bodies. */
public enum Flavor {
    /** Ollama: native /api/* routes plus its OpenAI-compatible /v1/* routes. */
    OLLAMA,
    /** vLLM's OpenAI-compatible server: /health and /v1/*. */
    VLLM,
    /** llama.cpp's llama-server: /health and /v1/*. */
    LLAMACPP,
    /** Tabby's server, for tabby-agent: /v1/health, /v1/completions with prefix and suffix segments, /v1/events. */
    TABBY;

    /** Parses {@code ollama}, {@code vllm}, {@code llamacpp} or {@code tabby}, ignoring case. */
    public static Flavor parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
