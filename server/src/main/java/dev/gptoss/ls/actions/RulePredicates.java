package dev.gptoss.ls.actions;

import dev.gptoss.ls.syntax.CodeFacts;
import dev.gptoss.ls.syntax.QueryMatch;
import dev.gptoss.ls.syntax.QueryPredicate;
import dev.gptoss.ls.syntax.SyntaxNode;
import dev.gptoss.ls.syntax.TreeQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The predicates LUKHAS rules may use in their queries beyond tree-sitter's {@code #eq?},
 * {@code #match?} and {@code #any-of?}: the questions a query cannot ask of a tree's shape. Each has
 * a {@code not-} form. Names are globs: {@code *} stands for any characters but a dot,
 * {@code **} for any characters.
 */
final class RulePredicates implements TreeQuery.CustomPredicates {
    private enum Arity { NODE, NODE_AND_NAMES, NODE_AND_OPTIONAL_REGEX }

    private static final Map<String, Arity> KNOWN = Map.ofEntries(
            Map.entry("resolves-to?", Arity.NODE_AND_NAMES),
            Map.entry("made-by?", Arity.NODE_AND_NAMES),
            Map.entry("reaches-call?", Arity.NODE_AND_NAMES),
            Map.entry("has-keyword?", Arity.NODE_AND_NAMES),
            Map.entry("chain-has?", Arity.NODE_AND_NAMES),
            Map.entry("has-statement?", Arity.NODE_AND_NAMES),
            Map.entry("only-statement?", Arity.NODE_AND_NAMES),
            Map.entry("in-function?", Arity.NODE_AND_OPTIONAL_REGEX),
            Map.entry("in-async-function?", Arity.NODE),
            Map.entry("env-default?", Arity.NODE),
            Map.entry("docstring?", Arity.NODE),
            Map.entry("model-call?", Arity.NODE),
            Map.entry("guarded?", Arity.NODE));

    @Override
    public void check(QueryPredicate predicate, Set<String> captures) {
        Arity arity = KNOWN.get(predicate.baseName());
        if (arity == null) {
            throw new IllegalArgumentException("unknown predicate; known: #eq? #match? #any-of? #"
                    + String.join(" #", new TreeSet<>(KNOWN.keySet())) + " (each also as #not-...)");
        }
        List<QueryPredicate.Arg> args = predicate.args();
        if (args.isEmpty() || !args.get(0).capture() || args.stream().skip(1).anyMatch(QueryPredicate.Arg::capture)) {
            throw new IllegalArgumentException("takes a capture first, then strings");
        }
        int strings = args.size() - 1;
        switch (arity) {
            case NODE -> {
                if (strings != 0) {
                    throw new IllegalArgumentException("takes one capture");
                }
            }
            case NODE_AND_NAMES -> {
                if (strings == 0) {
                    throw new IllegalArgumentException("takes a capture and one or more names");
                }
            }
            case NODE_AND_OPTIONAL_REGEX -> {
                if (strings > 1) {
                    throw new IllegalArgumentException("takes a capture and at most one regular expression");
                }
                if (strings == 1) {
                    regex(predicate);
                }
            }
        }
    }

    @Override
    public boolean test(QueryPredicate predicate, QueryMatch match) {
        List<SyntaxNode> nodes = match.all(predicate.args().get(0).value());
        if (nodes.isEmpty()) {
            return predicate.negated();
        }
        Optional<CodeFacts> facts = CodeFacts.of(nodes.get(0).tree());
        if (facts.isEmpty()) {
            return predicate.negated();
        }
        boolean holds = true;
        for (SyntaxNode node : nodes) {
            holds &= holds(predicate, facts.get(), node);
        }
        return holds != predicate.negated();
    }

    private boolean holds(QueryPredicate predicate, CodeFacts facts, SyntaxNode node) {
        List<String> names = predicate.strings();
        return switch (predicate.baseName()) {
            case "resolves-to?" -> facts.qualifiedName(node).filter(globs(predicate)).isPresent();
            case "made-by?" -> facts.madeBy(node, globs(predicate));
            case "reaches-call?" -> facts.reachesCall(node, globs(predicate));
            case "has-keyword?" -> facts.hasKeyword(node, names);
            case "chain-has?" -> facts.chainHas(node, names);
            case "has-statement?" -> statements(node).stream().anyMatch(s -> names.contains(s.text()));
            case "only-statement?" -> statements(node).size() == 1 && names.contains(statements(node).get(0).text());
            case "in-function?" -> facts.enclosingFunction(node)
                    .map(f -> names.isEmpty() || facts.functionName(f).map(n -> regex(predicate).matcher(n).find()).orElse(false))
                    .orElse(false);
            case "in-async-function?" -> facts.inAsyncFunction(node);
            case "env-default?" -> facts.environmentDefault(node);
            case "docstring?" -> facts.docstring(node);
            case "model-call?" -> ModelCalls.modelCall(facts, node);
            case "guarded?" -> ModelCalls.guarded(facts, node);
            default -> false;
        };
    }

    /** The statements of a block, comments left out. */
    private static List<SyntaxNode> statements(SyntaxNode block) {
        return block.namedChildren();
    }

    private static Predicate<String> globs(QueryPredicate predicate) {
        return predicate.derived(p -> {
            var regex = new StringBuilder();
            for (String name : p.strings()) {
                if (regex.length() > 0) {
                    regex.append('|');
                }
                regex.append(glob(name));
            }
            Pattern pattern = Pattern.compile(regex.toString());
            Predicate<String> test = name -> pattern.matcher(name).matches();
            return test;
        });
    }

    private static String glob(String name) {
        var out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '*' && i + 1 < name.length() && name.charAt(i + 1) == '*') {
                out.append(".*");
                i++;
            } else if (c == '*') {
                out.append("[^.]*");
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    private static Pattern regex(QueryPredicate predicate) {
        return predicate.derived(p -> {
            try {
                return Pattern.compile(p.strings().get(0));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription());
            }
        });
    }
}
