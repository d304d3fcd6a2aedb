package dev.gptoss.ls.documents;

/** A zero-based line and UTF-16 code unit column, as LSP defines positions. */
public record TextPosition(int line, int character) {
    @Override
    public String toString() {
        return line + ":" + character;
    }
}
