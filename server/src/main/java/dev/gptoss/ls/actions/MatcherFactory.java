package dev.gptoss.ls.actions;

/**
 * Turns a catalog rule into a matcher. {@link RegexMatchers} handles regular expressions; a
 * tree-sitter factory (issue 3) can take the rules that carry a query.
 */
@FunctionalInterface
public interface MatcherFactory {
    /** @throws IllegalArgumentException saying what is wrong with the rule */
    PatternMatcher compile(String languageId, MatcherRule rule);
}
