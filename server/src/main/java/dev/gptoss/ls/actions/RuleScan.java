package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.syntax.SyntaxTree;
import java.util.Optional;

/**
 * One scan of one document version: its text, its syntax tree when its language has a grammar,
 * and the lines whose matches are wanted.
 */
public record RuleScan(DocumentSnapshot document, Optional<SyntaxTree> tree, int fromLine, int toLine) {

    /** Whether a match starting at {@code offset} is wanted. */
    boolean wanted(int offset) {
        int line = document.positionOf(offset).line();
        return line >= fromLine && line <= toLine;
    }

    Span span(int start, int end) {
        return new Span(document.positionOf(start), document.positionOf(end));
    }
}
