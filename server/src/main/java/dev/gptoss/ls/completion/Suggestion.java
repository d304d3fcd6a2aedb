package dev.gptoss.ls.completion;

/**
 * Text to insert at the query's offset.
 *
 * @param model the instance that wrote it, e.g. {@code fast:local/gpt-oss:20b}
 */
public record Suggestion(String text, String model) {
}
