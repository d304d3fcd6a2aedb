package dev.gptoss.ls.actions;

/**
 * Something in a text that its language's compiler would reject, at UTF-16 offsets of that text.
 *
 * @param line zero-based line of {@code startOffset}, for messages
 */
public record SyntaxProblem(int startOffset, int endOffset, int line, String message) {

    /** Whether the problem lies within {@code [from, to]} (an empty problem at either end counts). */
    boolean within(int from, int to) {
        return startOffset >= from && startOffset <= to;
    }

    /** "line 41: expected an indented block", as a person reads it (one-based). */
    public String describe() {
        return "line " + (line + 1) + ": " + message;
    }
}
