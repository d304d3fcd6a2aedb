package dev.gptoss.ls.eval;

/**
 * A document's text and a cursor in it, as LSP counts positions: zero-based line, UTF-16 units.
 */
public record EditorState(String text, int line, int character) {
}
