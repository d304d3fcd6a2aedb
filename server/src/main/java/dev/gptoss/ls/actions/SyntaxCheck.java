package dev.gptoss.ls.actions;

/**
 * Whether a text parses in a language. A model's edit that does not is never offered as is:
 * {@link TreeSitterSyntaxCheck} where a grammar exists, {@link BracketBalanceCheck} elsewhere.
 */
@FunctionalInterface
public interface SyntaxCheck {
    boolean parses(String languageId, String text);
}
