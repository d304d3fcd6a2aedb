package dev.gptoss.ls.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One match of a query pattern: the node the pattern matched and its captures, in the order they
 * matched (a quantified capture holds several nodes).
 */
public final class QueryMatch {
    private final int pattern;
    private final SyntaxNode root;
    private final List<String> names;
    private final List<SyntaxNode> nodes;

    QueryMatch(int pattern, SyntaxNode root, List<String> names, List<SyntaxNode> nodes) {
        this.pattern = pattern;
        this.root = root;
        this.names = names;
        this.nodes = nodes;
    }

    public int pattern() {
        return pattern;
    }

    public SyntaxNode root() {
        return root;
    }

    public Optional<SyntaxNode> capture(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return Optional.of(nodes.get(i));
            }
        }
        return Optional.empty();
    }

    public List<SyntaxNode> all(String name) {
        var found = new ArrayList<SyntaxNode>(1);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                found.add(nodes.get(i));
            }
        }
        return found;
    }

    /** Every capture by name. */
    public Map<String, List<SyntaxNode>> captures() {
        var captures = new LinkedHashMap<String, List<SyntaxNode>>();
        for (int i = 0; i < names.size(); i++) {
            captures.computeIfAbsent(names.get(i), x -> new ArrayList<>(1)).add(nodes.get(i));
        }
        return captures;
    }

    /** A copy that no longer shares the matcher's working lists. */
    QueryMatch kept() {
        return new QueryMatch(pattern, root, List.copyOf(names), List.copyOf(nodes));
    }
}
