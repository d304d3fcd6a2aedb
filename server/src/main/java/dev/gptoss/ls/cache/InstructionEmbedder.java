package dev.gptoss.ls.cache;

/**
 * Turns an instruction into a unit-length vector; similar requests give close vectors. The
 * implementation ships separately (module {@code semantic-cache}, all-MiniLM-L6-v2 in process) and
 * is found with {@link java.util.ServiceLoader}, so users who never ask the model free-form
 * questions pay nothing for it.
 */
public interface InstructionEmbedder {
    float[] embed(String text);
}
