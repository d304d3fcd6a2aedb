package dev.gptoss.sim;

/** How a model server keeps the attention state (KV cache) of earlier prompts for later ones. */
public enum CacheMode {
    /**
     * llama.cpp's server and Ollama: each slot keeps the tokens of its last prompt; a new prompt
     * reuses the longest common prefix with the slot it lands on (the idle slot that shares most
     * with it, else the one idle longest).
     */
    SLOT_PREFIX,
    /**
     * vLLM's automatic prefix caching: full blocks of tokens are kept by the hash of everything
     * up to them, for every request, until memory runs out (least recently used first); a new
     * prompt reuses its leading full blocks.
     */
    BLOCKS,
    /** Nothing is reused: every prompt is computed whole. */
    NONE
}
