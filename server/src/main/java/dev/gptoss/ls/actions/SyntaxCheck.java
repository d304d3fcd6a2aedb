package dev.gptoss.ls.actions;

/**
 * Whether a text parses in a language. A model's edit that does not is never offered as is. The
 * tree-sitter parser (issue 3) is meant to plug in here; until then {@link BracketBalanceCheck}.
 */
@FunctionalInterface
public interface SyntaxCheck {
    boolean parses(String languageId, String text);
}
