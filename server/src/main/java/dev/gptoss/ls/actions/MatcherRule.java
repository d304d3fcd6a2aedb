package dev.gptoss.ls.actions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One way a pattern matches in one language, as the catalog JSON spells it: a tree-sitter
 * {@code query} for languages the server has a grammar for, or a {@code regex} over plain text for
 * the others.
 *
 * @param query a tree-sitter query with captures and predicates; a list of strings is one query,
 *              its lines joined
 * @param report the capture to underline, or {@code "first..last"} for the span of two; by default
 *               {@code @hit}, else the largest capture
 * @param regex plain-text languages only: a Java regular expression; a named group {@code hit}
 *              narrows the underlined range
 * @param when plain text: the match counts only if its lines also match this
 * @param unless plain text: the match is dropped if its lines match this
 * @param fix the deterministic fix
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatcherRule(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> query,
                          String report, String regex, String when, String unless, FixTemplate fix) {

    /** The query as one text. */
    public String queryText() {
        return query == null ? null : String.join("\n", query);
    }

    /**
     * @param replace plain text: the match's replacement; {@code ${name}} and {@code $n} insert groups
     * @param edits queries: the edits, each on a captured node
     */
    public record FixTemplate(String title, String replace, List<EditTemplate> edits) {
    }

    /**
     * One edit of a query rule's fix: exactly one of the operations, naming a capture; {@code with}
     * and {@code text} may insert captures as {@code ${name}}.
     *
     * @param replace replace the capture's node with {@code with}
     * @param insertBefore insert {@code text} just before the node
     * @param insertAfter insert {@code text} just after the node
     * @param addArgument add {@code text} as the last element of an argument list or object literal,
     *                    following its layout (one per line, trailing comma)
     * @param addLineBefore insert {@code text} as a statement of its own before the node's statement
     * @param ensureImport Python: {@code import <module>} unless the file already imports it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EditTemplate(String replace, String with, String insertBefore, String insertAfter,
                               String addArgument, String addLineBefore, String text, String ensureImport) {
    }
}
