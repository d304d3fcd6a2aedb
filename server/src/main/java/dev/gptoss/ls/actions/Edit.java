package dev.gptoss.ls.actions;

/** Replace {@code range} with {@code newText}. */
public record Edit(Span range, String newText) {
}
