package dev.gptoss.ls.context;

/**
 * One piece of context for the prompt.
 *
 * @param source the participant that found it ({@code scope}, {@code definition}, ...)
 * @param path the file it comes from (a URI)
 * @param priority rank within its source, lower first; decides what survives a tight budget
 */
public record ContextSnippet(String source, String path, String text, int priority) {
}
