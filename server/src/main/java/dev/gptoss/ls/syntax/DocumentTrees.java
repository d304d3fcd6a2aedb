package dev.gptoss.ls.syntax;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.Optional;

/** Syntax trees for whoever reads code by its structure, such as the pattern rules. */
public interface DocumentTrees {

    /**
     * The tree of exactly this version of the document; empty when its language has no grammar.
     * The caller closes it when done (its native memory is freed once nobody holds it).
     */
    Optional<SyntaxTree> treeOf(DocumentSnapshot document);

    Grammars grammars();
}
