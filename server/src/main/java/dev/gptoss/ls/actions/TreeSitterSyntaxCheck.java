package dev.gptoss.ls.actions;

import dev.gptoss.ls.syntax.SyntaxTrees;

/** Parses with tree-sitter where a grammar exists; elsewhere only brackets are checked. */
public final class TreeSitterSyntaxCheck implements SyntaxCheck {
    private final SyntaxTrees syntax;
    private final SyntaxCheck withoutGrammar = new BracketBalanceCheck();

    public TreeSitterSyntaxCheck(SyntaxTrees syntax) {
        this.syntax = syntax;
    }

    @Override
    public boolean parses(String languageId, String text) {
        return syntax.parse(languageId, text)
                .map(tree -> !syntax.hasErrors(tree))
                .orElseGet(() -> withoutGrammar.parses(languageId, text));
    }
}
