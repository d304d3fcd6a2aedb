package dev.gptoss.ls.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every node of a tree by kind, in document order: a rule visits only the nodes its pattern can start at. */
public final class TreeIndex {
    private final Map<Integer, List<SyntaxNode>> byKind;

    private TreeIndex(Map<Integer, List<SyntaxNode>> byKind) {
        this.byKind = byKind;
    }

    static TreeIndex of(SyntaxNode root) {
        return of(List.of(root));
    }

    /** The nodes of these subtrees, which must be in document order and apart. */
    public static TreeIndex of(List<SyntaxNode> roots) {
        var byKind = new HashMap<Integer, List<SyntaxNode>>();
        var stack = new ArrayDeque<SyntaxNode>();
        for (int r = roots.size() - 1; r >= 0; r--) {
            stack.push(roots.get(r));
        }
        while (!stack.isEmpty()) {
            SyntaxNode node = stack.pop();
            byKind.computeIfAbsent(node.kind(), k -> new ArrayList<>()).add(node);
            for (int i = node.childCount() - 1; i >= 0; i--) {
                stack.push(node.child(i));
            }
        }
        return new TreeIndex(byKind);
    }

    public List<SyntaxNode> ofKind(int kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Every node of any of these kinds, in document order. */
    public List<SyntaxNode> ofKinds(Collection<Integer> kinds) {
        if (kinds.size() == 1) {
            return ofKind(kinds.iterator().next());
        }
        var all = new ArrayList<SyntaxNode>();
        for (int kind : kinds) {
            all.addAll(ofKind(kind));
        }
        all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return all;
    }
}
