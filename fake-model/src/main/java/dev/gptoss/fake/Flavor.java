package dev.gptoss.fake;

/** Which real server the fake imitates; decides which routes exist and the shape of error bodies. */
public enum Flavor {
    /** Ollama: native /api/* routes plus its OpenAI-compatible /v1/* routes. */
    OLLAMA,
    /** vLLM's OpenAI-compatible server: /health and /v1/*. */
    VLLM,
    /** llama.cpp's llama-server: /health and /v1/*. */
    LLAMACPP;

    /** Parses {@code ollama}, {@code vllm} or {@code llamacpp}, ignoring case. */
    public static Flavor parse(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
