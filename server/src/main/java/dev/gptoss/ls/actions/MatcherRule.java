package dev.gptoss.ls.actions;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One way a pattern matches in one language, as the catalog JSON spells it.
 *
 * @param regex a Java regular expression; a named group {@code hit} narrows the underlined range
 * @param query a tree-sitter query, for when the syntax package (issue 3) provides one
 * @param when the match counts only if its lines also match this
 * @param unless the match is dropped if its lines match this
 * @param inside Python only: {@code "def"} or {@code "async def"}, the function the match must be in
 * @param functionNot the match is dropped inside functions whose name matches this
 * @param fix the deterministic fix, replacing the whole match
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatcherRule(String regex, String query, String when, String unless, String inside,
                          String functionNot, FixTemplate fix) {

    /** @param replace the match's replacement; {@code ${name}} and {@code $n} insert groups */
    public record FixTemplate(String title, String replace) {
    }
}
