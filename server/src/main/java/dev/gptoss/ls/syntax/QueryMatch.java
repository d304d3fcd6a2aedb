package dev.gptoss.ls.syntax;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One match of a query pattern: the node the pattern matched and its captures.
 *
 * @param captures each capture's nodes in the order they matched (quantified captures hold several)
 */
public record QueryMatch(int pattern, SyntaxNode root, Map<String, List<SyntaxNode>> captures) {

    public Optional<SyntaxNode> capture(String name) {
        List<SyntaxNode> nodes = captures.get(name);
        return nodes == null || nodes.isEmpty() ? Optional.empty() : Optional.of(nodes.get(0));
    }

    public List<SyntaxNode> all(String name) {
        return captures.getOrDefault(name, List.of());
    }
}
