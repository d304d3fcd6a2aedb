package dev.gptoss.ls.syntax;

import dev.gptoss.ls.syntax.QuerySyntax.Alternation;
import dev.gptoss.ls.syntax.QuerySyntax.AnonymousPattern;
import dev.gptoss.ls.syntax.QuerySyntax.Group;
import dev.gptoss.ls.syntax.QuerySyntax.Item;
import dev.gptoss.ls.syntax.QuerySyntax.NodePattern;
import dev.gptoss.ls.syntax.QuerySyntax.Pattern;
import dev.gptoss.ls.syntax.QuerySyntax.TopPattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.PatternSyntaxException;
import org.treesitter.TSLanguage;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryException;

/**
 * A tree-sitter query, checked by tree-sitter itself and then matched in Java over
 * {@link SyntaxNode}s. Matching in Java costs no call into the bindings, so all the rules of a
 * file run in a few milliseconds where one native query over a large file takes tens.
 *
 * <p>Predicates: {@code #eq?}, {@code #match?}, {@code #any-of?} and their {@code not-} forms are
 * built in; any other name is asked of the {@link CustomPredicates} given at compile time.
 */
public final class TreeQuery {
    /** Predicates a query may use beyond the built-in ones. */
    public interface CustomPredicates {
        /** @throws IllegalArgumentException saying what is wrong, for an unknown name or bad arguments */
        void check(QueryPredicate predicate, Set<String> captures);

        boolean test(QueryPredicate predicate, QueryMatch match);
    }

    private static final Set<String> BUILT_IN = Set.of("eq?", "match?", "any-of?");

    private final List<TopPattern> patterns;
    private final List<Set<String>> captureNames;
    private final Map<String, java.util.regex.Pattern> regexes;
    private final CustomPredicates custom;

    private TreeQuery(List<TopPattern> patterns, List<Set<String>> captureNames,
                      Map<String, java.util.regex.Pattern> regexes, CustomPredicates custom) {
        this.patterns = patterns;
        this.captureNames = captureNames;
        this.regexes = regexes;
        this.custom = custom;
    }

    /** @throws QueryError saying what is wrong and where */
    public static TreeQuery compile(TSLanguage language, NodeKinds kinds, String source, CustomPredicates custom) {
        checkWithTreeSitter(language, source);
        List<TopPattern> patterns = QuerySyntax.parse(source, kinds);
        var names = new ArrayList<Set<String>>();
        var regexes = new LinkedHashMap<String, java.util.regex.Pattern>();
        for (TopPattern top : patterns) {
            Set<String> captures = QuerySyntax.captureNames(top.pattern());
            names.add(captures);
            for (QueryPredicate predicate : top.predicates()) {
                for (String capture : predicate.captures()) {
                    if (!captures.contains(capture)) {
                        throw new QueryError("the predicate #" + predicate.name() + " uses @" + capture
                                + ", which its pattern does not capture", predicate.offset());
                    }
                }
                try {
                    if (BUILT_IN.contains(predicate.baseName())) {
                        checkBuiltIn(predicate, regexes);
                    } else {
                        custom.check(predicate, captures);
                    }
                } catch (QueryError e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw new QueryError("#" + predicate.name() + ": " + e.getMessage(), predicate.offset());
                }
            }
        }
        return new TreeQuery(List.copyOf(patterns), List.copyOf(names), Map.copyOf(regexes), custom);
    }

    public int patternCount() {
        return patterns.size();
    }

    /** The captures pattern {@code index} defines. */
    public Set<String> captures(int index) {
        return captureNames.get(index);
    }

    /** Every match in the tree, pattern by pattern, each in document order. */
    public void matches(SyntaxTree tree, Consumer<QueryMatch> sink) {
        matches(tree.index(), List.of(tree.rootNode()), sink);
    }

    /**
     * Every match whose matched node lies in one of these subtrees (in document order, apart), as
     * indexed by {@code index}.
     */
    public void matches(TreeIndex index, List<SyntaxNode> within, Consumer<QueryMatch> sink) {
        for (int p = 0; p < patterns.size(); p++) {
            TopPattern top = patterns.get(p);
            Collection<SyntaxNode> candidates = candidates(top.pattern(), within, index);
            var state = new MatchState(p, top.predicates());
            for (SyntaxNode node : candidates) {
                state.reset(node);
                if (state.match(top.pattern(), node, state::predicatesHold)) {
                    sink.accept(state.result);
                }
            }
        }
    }

    private static Collection<SyntaxNode> candidates(Pattern pattern, List<SyntaxNode> within, TreeIndex index) {
        Set<Integer> kinds = rootKinds(pattern);
        if (kinds == null) {
            var all = new ArrayList<SyntaxNode>();
            within.forEach(root -> collect(root, all));
            return all;
        }
        return index.ofKinds(kinds);
    }

    /** The kinds a pattern can start at, or null for any node. */
    private static Set<Integer> rootKinds(Pattern pattern) {
        if (pattern instanceof NodePattern node) {
            return node.kinds();
        }
        if (pattern instanceof AnonymousPattern anonymous) {
            return anonymous.kinds();
        }
        if (pattern instanceof Alternation alternation) {
            var kinds = new HashSet<Integer>();
            for (Pattern alternative : alternation.alternatives()) {
                Set<Integer> some = rootKinds(alternative);
                if (some == null) {
                    return null;
                }
                kinds.addAll(some);
            }
            return kinds;
        }
        return null;
    }

    private static void collect(SyntaxNode node, List<SyntaxNode> out) {
        var stack = new java.util.ArrayDeque<SyntaxNode>();
        stack.push(node);
        while (!stack.isEmpty()) {
            SyntaxNode at = stack.pop();
            out.add(at);
            for (int i = at.childCount() - 1; i >= 0; i--) {
                stack.push(at.child(i));
            }
        }
    }

    /** Tree-sitter's own check: unknown node types and fields, impossible patterns, syntax. */
    private static void checkWithTreeSitter(TSLanguage language, String source) {
        try {
            new TSQuery(language, source);
        } catch (PatternSyntaxException e) {
            // tree-sitter's bindings compile #match? patterns too; the predicate check names the mistake
        } catch (TSQueryException e) {
            String message = String.valueOf(e.getMessage());
            int offset = 0;
            int marker = message.lastIndexOf("at offset ");
            if (marker >= 0) {
                try {
                    offset = Math.min(source.length(), Integer.parseInt(message.substring(marker + 10).trim()));
                } catch (NumberFormatException ignored) {
                    offset = 0;
                }
            }
            throw new QueryError(describe(source, offset), offset);
        }
    }

    /**
     * What is wrong at {@code offset}, read from the query itself: the bindings' error kinds are
     * not reliable across versions, the text is.
     */
    private static String describe(String source, int offset) {
        if (offset >= source.length()) {
            return "the query is incomplete (an unclosed parenthesis or string?)";
        }
        int end = offset;
        while (end < source.length() && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_')) {
            end++;
        }
        String word = source.substring(offset, end);
        if (word.isEmpty()) {
            return "syntax error at \"" + source.substring(offset, Math.min(source.length(), offset + 12)).strip() + "\"";
        }
        if (offset > 0 && source.charAt(offset - 1) == '@') {
            return "@" + word + " is not captured by its pattern";
        }
        int after = end;
        while (after < source.length() && Character.isWhitespace(source.charAt(after))) {
            after++;
        }
        if (after < source.length() && source.charAt(after) == ':') {
            return "the grammar has no field \"" + word + "\" there";
        }
        if (offset > 0 && (source.charAt(offset - 1) == '(' || source.charAt(offset - 1) == '"')) {
            return "the grammar has no node type \"" + word + "\"";
        }
        return "this pattern can never match (\"" + word + "\" cannot appear there)";
    }

    private static void checkBuiltIn(QueryPredicate predicate, Map<String, java.util.regex.Pattern> regexes) {
        List<QueryPredicate.Arg> args = predicate.args();
        if (args.isEmpty() || !args.get(0).capture()) {
            throw new IllegalArgumentException("the first argument must be a capture");
        }
        switch (predicate.baseName()) {
            case "eq?" -> {
                if (args.size() != 2) {
                    throw new IllegalArgumentException("takes a capture and a string or a second capture");
                }
            }
            case "match?" -> {
                if (args.size() != 2 || args.get(1).capture()) {
                    throw new IllegalArgumentException("takes a capture and a regular expression");
                }
                try {
                    regexes.put(args.get(1).value(), java.util.regex.Pattern.compile(args.get(1).value()));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription());
                }
            }
            default -> {
                if (args.size() < 2 || args.stream().skip(1).anyMatch(QueryPredicate.Arg::capture)) {
                    throw new IllegalArgumentException("takes a capture and one or more strings");
                }
            }
        }
    }

    /** One attempt to match a pattern at a node, with backtracking over the children. */
    private final class MatchState {
        private final int pattern;
        private final List<QueryPredicate> predicates;
        private final List<String> names = new ArrayList<>();
        private final List<SyntaxNode> nodes = new ArrayList<>();
        private SyntaxNode root;
        private QueryMatch result;

        MatchState(int pattern, List<QueryPredicate> predicates) {
            this.pattern = pattern;
            this.predicates = predicates;
        }

        void reset(SyntaxNode root) {
            this.root = root;
            this.result = null;
            names.clear();
            nodes.clear();
        }

        /** Whether {@code p} matches {@code node} and then {@code then} holds. */
        boolean match(Pattern p, SyntaxNode node, Continuation then) {
            int mark = names.size();
            if (matchHere(p, node, () -> {
                for (String capture : p.captures()) {
                    names.add(capture);
                    nodes.add(node);
                }
                if (then.holds()) {
                    return true;
                }
                truncate(names.size() - p.captures().size());
                return false;
            })) {
                return true;
            }
            truncate(mark);
            return false;
        }

        private boolean matchHere(Pattern p, SyntaxNode node, Continuation then) {
            if (p instanceof AnonymousPattern anonymous) {
                return !node.named() && anonymous.kinds().contains(node.kind()) && then.holds();
            }
            if (p instanceof Alternation alternation) {
                for (Pattern alternative : alternation.alternatives()) {
                    if (match(alternative, node, then)) {
                        return true;
                    }
                }
                return false;
            }
            if (p instanceof Group group) {
                return false;
            }
            NodePattern n = (NodePattern) p;
            if (!n.anyNode() && (!node.named() || !n.accepts(node.kind()))) {
                return false;
            }
            for (int field : n.negatedFields()) {
                for (int i = 0; i < node.childCount(); i++) {
                    if (node.fieldId(i) == field) {
                        return false;
                    }
                }
            }
            return items(n.items(), 0, node, 0, false, next -> then.holds());
        }

        /** Items {@code [i..]} against the children of {@code parent} from {@code from}, then {@code then}. */
        private boolean items(List<Item> items, int i, SyntaxNode parent, int from, boolean anchored,
                              ChildContinuation then) {
            if (i == items.size()) {
                return then.from(from);
            }
            Item item = items.get(i);
            if (item.anchor()) {
                if (i == items.size() - 1) {
                    return noNamedChildFrom(parent, from) && then.from(from);
                }
                return items(items, i + 1, parent, from, true, then);
            }
            ChildContinuation rest = next -> items(items, i + 1, parent, next, false, then);
            return switch (item.quantifier()) {
                case ONE -> one(item, parent, from, anchored, rest);
                case OPTIONAL -> one(item, parent, from, anchored, rest) || items(items, i + 1, parent, from, anchored, then);
                case ZERO_OR_MORE -> repeat(items, i, parent, from, anchored, then);
                case ONE_OR_MORE -> one(item, parent, from, anchored, next -> repeat(items, i, parent, next, false, then));
            };
        }

        private boolean repeat(List<Item> items, int i, SyntaxNode parent, int from, boolean anchored,
                               ChildContinuation then) {
            return one(items.get(i), parent, from, anchored, next -> next > from && repeat(items, i, parent, next, false, then))
                    || items(items, i + 1, parent, from, anchored, then);
        }

        /** One occurrence of {@code item} at a child from {@code from}, then {@code then} from the child after it. */
        private boolean one(Item item, SyntaxNode parent, int from, boolean anchored, ChildContinuation then) {
            if (item.pattern() instanceof Group group) {
                return items(group.items(), 0, parent, from, anchored, then);
            }
            boolean anonymousItem = item.pattern() instanceof AnonymousPattern;
            for (int c = from; c < parent.childCount(); c++) {
                SyntaxNode child = parent.child(c);
                if (anchored && (child.comment() || !anonymousItem && !child.named())) {
                    continue;
                }
                if (item.field() != NodeKinds.NO_FIELD && parent.fieldId(c) != item.field()) {
                    if (anchored) {
                        return false;
                    }
                    continue;
                }
                int next = c + 1;
                if (match(item.pattern(), child, () -> then.from(next))) {
                    return true;
                }
                if (anchored) {
                    return false;
                }
            }
            return false;
        }

        private boolean noNamedChildFrom(SyntaxNode parent, int from) {
            for (int c = from; c < parent.childCount(); c++) {
                SyntaxNode child = parent.child(c);
                if (child.named() && !child.comment()) {
                    return false;
                }
            }
            return true;
        }

        boolean predicatesHold() {
            var candidate = new QueryMatch(pattern, root, names, nodes);
            for (QueryPredicate predicate : predicates) {
                boolean holds = BUILT_IN.contains(predicate.baseName()) ? builtIn(predicate, candidate)
                        : custom.test(predicate, candidate);
                if (!holds) {
                    return false;
                }
            }
            result = candidate.kept();
            return true;
        }

        private boolean builtIn(QueryPredicate predicate, QueryMatch match) {
            List<QueryPredicate.Arg> args = predicate.args();
            List<SyntaxNode> subjects = match.all(args.get(0).value());
            boolean holds = true;
            for (SyntaxNode subject : subjects) {
                String text = subject.text();
                boolean one = switch (predicate.baseName()) {
                    case "eq?" -> args.get(1).capture()
                            ? match.capture(args.get(1).value()).map(o -> o.text().equals(text)).orElse(false)
                            : text.equals(args.get(1).value());
                    case "match?" -> regexes.get(args.get(1).value()).matcher(text).find();
                    default -> args.stream().skip(1).anyMatch(a -> a.value().equals(text));
                };
                holds &= one;
            }
            return predicate.negated() != holds;
        }

        private void truncate(int size) {
            while (names.size() > size) {
                names.remove(names.size() - 1);
                nodes.remove(nodes.size() - 1);
            }
        }
    }

    @FunctionalInterface
    private interface Continuation {
        boolean holds();
    }

    @FunctionalInterface
    private interface ChildContinuation {
        boolean from(int nextChild);
    }
}
