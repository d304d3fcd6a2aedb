package dev.gptoss.ls.syntax;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tree-sitter's query language read into patterns: node patterns with fields, negated fields,
 * anonymous nodes, wildcards, alternations, groups, quantifiers, anchors, captures and
 * predicates. Node types and fields are looked up in the grammar's {@link NodeKinds}.
 */
final class QuerySyntax {

    /** A pattern for one node (or, for a group, a run of siblings). */
    sealed interface Pattern permits NodePattern, AnonymousPattern, Alternation, Group {
        List<String> captures();
    }

    /**
     * @param kinds the node kinds it matches; null for {@code (_)} (any named node) or {@code _}
     * @param anyNode {@code _}: named or not
     */
    record NodePattern(Set<Integer> kinds, boolean anyNode, List<Item> items, List<Integer> negatedFields,
                       List<String> captures, BitSet kindBits) implements Pattern {
        NodePattern(Set<Integer> kinds, boolean anyNode, List<Item> items, List<Integer> negatedFields,
                    List<String> captures) {
            this(kinds, anyNode, items, negatedFields, captures, bits(kinds));
        }

        /** Whether a node of this kind can match; without boxing, as this runs for every candidate. */
        boolean accepts(int kind) {
            return kindBits == null || kindBits.get(kind);
        }
    }

    record AnonymousPattern(Set<Integer> kinds, List<String> captures) implements Pattern {
    }

    private static BitSet bits(Set<Integer> kinds) {
        if (kinds == null) {
            return null;
        }
        var bits = new BitSet();
        kinds.forEach(bits::set);
        return bits;
    }

    record Alternation(List<Pattern> alternatives, List<String> captures) implements Pattern {
    }

    record Group(List<Item> items, List<String> captures) implements Pattern {
    }

    enum Quantifier { ONE, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE }

    /**
     * A child position in a node pattern: a field-constrained pattern, or an anchor ({@code pattern}
     * null).
     */
    record Item(int field, Pattern pattern, Quantifier quantifier) {
        boolean anchor() {
            return pattern == null;
        }
    }

    /** A top-level pattern and the predicates written inside it. */
    record TopPattern(Pattern pattern, List<QueryPredicate> predicates, int offset) {
    }

    private final String source;
    private final NodeKinds kinds;
    private int at;

    private QuerySyntax(String source, NodeKinds kinds) {
        this.source = source;
        this.kinds = kinds;
    }

    static List<TopPattern> parse(String source, NodeKinds kinds) {
        return new QuerySyntax(source, kinds).patterns();
    }

    private List<TopPattern> patterns() {
        var patterns = new ArrayList<TopPattern>();
        skipSpace();
        while (at < source.length()) {
            int start = at;
            var predicates = new ArrayList<QueryPredicate>();
            Pattern pattern = pattern(predicates, true);
            if (pattern instanceof Group group && group.captures().isEmpty()) {
                pattern = single(group, start);
            }
            if (pattern instanceof Group) {
                throw new QueryError("a pattern must match one node; a run of siblings needs a parent: (parent (a) (b))",
                        start);
            }
            patterns.add(new TopPattern(pattern, List.copyOf(predicates), start));
            skipSpace();
        }
        if (patterns.isEmpty()) {
            throw new QueryError("the query has no pattern", 0);
        }
        return patterns;
    }

    /** {@code ((call) @c (#eq? ...))}: the outer parentheses only hold the pattern and its predicates. */
    private static Pattern single(Group group, int offset) {
        var patterns = group.items().stream().filter(i -> !i.anchor()).toList();
        if (patterns.size() != 1 || patterns.get(0).quantifier() != Quantifier.ONE
                || patterns.get(0).field() != NodeKinds.NO_FIELD) {
            return group;
        }
        return patterns.get(0).pattern();
    }

    private Pattern pattern(List<QueryPredicate> predicates, boolean top) {
        skipSpace();
        int start = at;
        Pattern pattern;
        char c = peek();
        if (c == '(') {
            pattern = parenthesized(predicates);
        } else if (c == '[') {
            pattern = alternation(predicates);
        } else if (c == '"') {
            String text = string();
            Set<Integer> anonymous = kinds.kind(text, false).map(Set::of)
                    .orElseThrow(() -> new QueryError("the grammar has no \"" + text + "\" token", start));
            pattern = new AnonymousPattern(anonymous, captures());
        } else if (c == '_' && !identifierChar(peekAt(at + 1))) {
            at++;
            pattern = new NodePattern(null, true, List.of(), List.of(), captures());
        } else if (c == '#' && top) {
            throw new QueryError("a predicate goes inside its pattern's parentheses: ((call) @c (#eq? @c \"x\"))", start);
        } else {
            throw new QueryError("expected a pattern: (node_type ...), \"token\", _ or [alternatives]", start);
        }
        return pattern;
    }

    private Pattern parenthesized(List<QueryPredicate> predicates) {
        int open = at;
        at++;
        skipSpace();
        char c = peek();
        if (c == '#') {
            throw new QueryError("a predicate goes inside its pattern's parentheses: ((call) @c (#eq? @c \"x\"))", open);
        }
        if (c == '(' || c == '[' || c == '"' || c == '.' || c == ')') {
            List<Item> items = items(predicates);
            expect(')', open);
            return new Group(items, captures());
        }
        int nameStart = at;
        String name = identifier();
        Set<Integer> kindSet;
        boolean anyNamed = name.equals("_");
        if (anyNamed) {
            kindSet = null;
        } else if (name.equals("ERROR")) {
            kindSet = Set.of(kinds.kind("ERROR", true).orElseThrow());
        } else {
            kindSet = kinds.supertype(name)
                    .or(() -> kinds.kind(name, true).map(Set::of))
                    .orElseThrow(() -> new QueryError("unknown node type \"" + name + "\"", nameStart));
        }
        List<Integer> negated = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == '!') {
                at++;
                int fieldStart = at;
                String field = identifier();
                negated.add(kinds.field(field)
                        .orElseThrow(() -> new QueryError("unknown field \"" + field + "\"", fieldStart)));
            } else if (peek() == ')') {
                break;
            } else {
                items.addAll(items(predicates));
                skipSpace();
                if (peek() != '!') {
                    break;
                }
            }
        }
        expect(')', open);
        return new NodePattern(kindSet, false, List.copyOf(items), List.copyOf(negated), captures());
    }

    /** Children up to the closing parenthesis: fields, patterns, anchors and predicates. */
    private List<Item> items(List<QueryPredicate> predicates) {
        var items = new ArrayList<Item>();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == ')' || c == '!' || c == 0) {
                return items;
            }
            if (c == '.') {
                at++;
                items.add(new Item(NodeKinds.NO_FIELD, null, Quantifier.ONE));
                continue;
            }
            if (c == '(' && peekAfterSpace(at + 1) == '#') {
                predicates.add(predicate());
                continue;
            }
            int field = NodeKinds.NO_FIELD;
            if (identifierChar(c) && isFieldLabel()) {
                int fieldStart = at;
                String name = identifier();
                skipSpace();
                at++; // ':'
                field = kinds.field(name).orElseThrow(() -> new QueryError("unknown field \"" + name + "\"", fieldStart));
            }
            Pattern pattern = pattern(predicates, false);
            items.add(new Item(field, pattern, quantifier()));
        }
    }

    private Pattern alternation(List<QueryPredicate> predicates) {
        int open = at;
        at++;
        var alternatives = new ArrayList<Pattern>();
        while (true) {
            skipSpace();
            if (peek() == ']') {
                break;
            }
            if (peek() == 0) {
                throw new QueryError("unclosed [", open);
            }
            alternatives.add(pattern(predicates, false));
        }
        at++;
        if (alternatives.isEmpty()) {
            throw new QueryError("an alternation needs at least one pattern", open);
        }
        return new Alternation(List.copyOf(alternatives), captures());
    }

    private QueryPredicate predicate() {
        int open = at;
        at++;
        skipSpace();
        at++; // '#'
        int nameStart = at;
        while (at < source.length() && !Character.isWhitespace(source.charAt(at)) && source.charAt(at) != ')') {
            at++;
        }
        String name = source.substring(nameStart, at);
        if (name.isEmpty()) {
            throw new QueryError("a predicate needs a name, as in (#eq? @a \"x\")", open);
        }
        var args = new ArrayList<QueryPredicate.Arg>();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == ')') {
                at++;
                return new QueryPredicate(name, List.copyOf(args), open);
            }
            if (c == '@') {
                at++;
                args.add(new QueryPredicate.Arg(identifier(), true));
            } else if (c == '"') {
                args.add(new QueryPredicate.Arg(string(), false));
            } else if (identifierChar(c)) {
                args.add(new QueryPredicate.Arg(identifier(), false));
            } else {
                throw new QueryError("unclosed predicate (#" + name + " ...)", open);
            }
        }
    }

    private Quantifier quantifier() {
        char c = peek();
        Quantifier quantifier = switch (c) {
            case '?' -> Quantifier.OPTIONAL;
            case '*' -> Quantifier.ZERO_OR_MORE;
            case '+' -> Quantifier.ONE_OR_MORE;
            default -> Quantifier.ONE;
        };
        if (quantifier != Quantifier.ONE) {
            at++;
        }
        return quantifier;
    }

    private List<String> captures() {
        var names = new ArrayList<String>();
        while (true) {
            skipSpace();
            if (peek() != '@') {
                return names;
            }
            at++;
            names.add(identifier());
        }
    }

    private boolean isFieldLabel() {
        int i = at;
        while (i < source.length() && identifierChar(source.charAt(i))) {
            i++;
        }
        return peekAfterSpace(i) == ':';
    }

    private String identifier() {
        int start = at;
        while (at < source.length() && identifierChar(source.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw new QueryError("expected a name", start);
        }
        return source.substring(start, at);
    }

    private String string() {
        int open = at;
        at++;
        var out = new StringBuilder();
        while (at < source.length()) {
            char c = source.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && at < source.length()) {
                char escaped = source.charAt(at++);
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> escaped;
                });
            } else {
                out.append(c);
            }
        }
        throw new QueryError("unclosed string", open);
    }

    private void expect(char close, int open) {
        skipSpace();
        if (peek() != close) {
            throw new QueryError(at >= source.length() ? "unclosed (" : "expected " + close, at >= source.length() ? open : at);
        }
        at++;
    }

    private void skipSpace() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == ';') {
                while (at < source.length() && source.charAt(at) != '\n') {
                    at++;
                }
            } else if (Character.isWhitespace(c)) {
                at++;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return peekAt(at);
    }

    private char peekAt(int i) {
        return i < source.length() ? source.charAt(i) : 0;
    }

    private char peekAfterSpace(int from) {
        int i = from;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return peekAt(i);
    }

    private static boolean identifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** Every capture name a pattern uses, for checking predicate and fix references. */
    static Set<String> captureNames(Pattern pattern) {
        var names = new HashSet<String>(pattern.captures());
        List<Item> items = pattern instanceof NodePattern node ? node.items()
                : pattern instanceof Group group ? group.items() : List.of();
        items.stream().filter(i -> !i.anchor()).forEach(i -> names.addAll(captureNames(i.pattern())));
        if (pattern instanceof Alternation alternation) {
            alternation.alternatives().forEach(a -> names.addAll(captureNames(a)));
        }
        return names;
    }
}
