package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.syntax.SyntaxNode;
import dev.gptoss.ls.syntax.SyntaxTree;
import dev.gptoss.ls.syntax.TreeIndex;
import java.util.List;
import java.util.Optional;

/**
 * One scan of one document version: its text, its syntax tree when its language has a grammar
 * (with the subtrees to scan and their index), and the lines whose matches are wanted.
 */
public record RuleScan(DocumentSnapshot document, Optional<SyntaxTree> tree, List<SyntaxNode> within,
                       TreeIndex index, int fromLine, int toLine) {

    /** The whole document: its whole tree, if it has one. */
    static RuleScan whole(DocumentSnapshot document, Optional<SyntaxTree> tree, int fromLine, int toLine) {
        return new RuleScan(document, tree, tree.map(t -> List.of(t.rootNode())).orElse(List.of()),
                tree.map(SyntaxTree::index).orElse(null), fromLine, toLine);
    }

    /** Only these subtrees of the tree (in document order, apart). */
    static RuleScan of(DocumentSnapshot document, SyntaxTree tree, List<SyntaxNode> within) {
        return new RuleScan(document, Optional.of(tree), within, TreeIndex.of(within), 0, Integer.MAX_VALUE);
    }

    /** Whether a match starting at {@code offset} is wanted. */
    boolean wanted(int offset) {
        if (fromLine <= 0 && toLine == Integer.MAX_VALUE) {
            return true;
        }
        int line = document.positionOf(offset).line();
        return line >= fromLine && line <= toLine;
    }

    Span span(int start, int end) {
        return new Span(document.positionOf(start), document.positionOf(end));
    }
}
