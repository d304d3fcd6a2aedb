package dev.gptoss.ls.actions;

import java.util.List;

/**
 * What in a text its language would not compile, so that a model's edit that breaks the file is
 * never offered: {@link TreeSitterSyntaxCheck} where a grammar exists (error and missing nodes, and
 * for Python the tokenizer's indentation rules), {@link BracketBalanceCheck} elsewhere.
 */
@FunctionalInterface
public interface SyntaxCheck {

    /** The problems found, in text order; empty when the text parses. */
    List<SyntaxProblem> problems(String languageId, String text);
}
