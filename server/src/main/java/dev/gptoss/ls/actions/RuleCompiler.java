package dev.gptoss.ls.actions;

import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.NodeKinds;
import dev.gptoss.ls.syntax.TreeQuery;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSLanguage;

/**
 * Compiles catalog rules: a {@code query} into a {@link TreeRule} for languages with a grammar, a
 * {@code regex} into a plain-text rule for the others. A query that does not compile is refused
 * with tree-sitter's reason and the offset in the query ({@link dev.gptoss.ls.syntax.QueryError}).
 */
public final class RuleCompiler implements MatcherFactory {
    private final Grammars grammars;
    private final RulePredicates predicates = new RulePredicates();
    private final RegexMatchers text = new RegexMatchers();

    public RuleCompiler(Grammars grammars) {
        this.grammars = grammars;
    }

    @Override
    public PatternMatcher compile(String languageId, MatcherRule rule) {
        if (rule.query() == null) {
            if (Grammars.known(languageId)) {
                throw new IllegalArgumentException(languageId + " is read as a syntax tree: write this rule as a "
                        + "\"query\" (a \"regex\" would also match strings and comments)");
            }
            return text.compile(languageId, rule);
        }
        if (rule.regex() != null || rule.when() != null || rule.unless() != null) {
            throw new IllegalArgumentException("a rule has a \"query\" or a \"regex\", not both; "
                    + "use predicates for conditions");
        }
        Optional<TSLanguage> language = grammars.forLanguage(languageId);
        Optional<NodeKinds> kinds = grammars.kinds(languageId);
        if (language.isEmpty() || kinds.isEmpty()) {
            throw new IllegalArgumentException("queries need a grammar, and there is none for " + languageId
                    + " here (known: python, java, typescript, typescriptreact, javascript, javascriptreact, go, rust)");
        }
        TreeQuery query = TreeQuery.compile(language.get(), kinds.get(), rule.queryText(), predicates);
        Set<String> captures = new HashSet<>();
        for (int p = 0; p < query.patternCount(); p++) {
            captures.addAll(query.captures(p));
        }
        Optional<String> from = Optional.empty();
        Optional<String> to = Optional.empty();
        if (rule.report() != null) {
            String[] ends = rule.report().replace("@", "").split("\\.\\.", 2);
            from = Optional.of(ends[0]);
            to = ends.length == 2 ? Optional.of(ends[1]) : Optional.empty();
            for (String end : ends) {
                if (!captures.contains(end)) {
                    throw new IllegalArgumentException("\"report\" names @" + end + ", which the query does not capture");
                }
            }
        }
        Optional<TreeFix> fix = rule.fix() == null ? Optional.empty()
                : Optional.of(TreeFix.compile(rule.fix(), captures, languageId));
        return new TreeRule(query, from, to, fix);
    }
}
