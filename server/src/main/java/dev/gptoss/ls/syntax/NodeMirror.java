package dev.gptoss.ls.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * Copies a tree-sitter tree into {@link NodeShape}s. Every call into the bindings costs about a
 * microsecond (each converts its node object field by field), so a 5,000-line file takes a fifth of
 * a second to copy whole. After an edit only the nodes on the damaged path are read again; the
 * rest of the previous copy is shared.
 */
final class NodeMirror {
    private final NodeKinds kinds;

    NodeMirror(NodeKinds kinds) {
        this.kinds = kinds;
    }

    /** The whole tree, its root made to start at offset 0 (a module's first token may not). */
    NodeShape copyRoot(TSNode root) {
        return copyAt(root, 0);
    }

    private NodeShape copyAt(TSNode node, int start) {
        NodeShape shape = copy(node);
        int shift = node.getStartByte() / 2 - start;
        if (shift == 0) {
            return shape;
        }
        int[] offsets = shape.offsets.clone();
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] += shift;
        }
        return new NodeShape(shape.kind, shape.width + shift, shape.children, offsets, shape.fields);
    }

    /** The whole subtree under {@code top}. */
    private NodeShape copy(TSNode top) {
        var cursor = new TSTreeCursor(top);
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(pending(cursor));
        while (true) {
            if (cursor.gotoFirstChild()) {
                stack.push(pending(cursor));
                continue;
            }
            while (true) {
                Pending done = stack.pop();
                NodeShape shape = done.shape();
                if (stack.isEmpty()) {
                    return shape;
                }
                stack.peek().add(shape, done.start, done.field);
                if (cursor.gotoNextSibling()) {
                    stack.push(pending(cursor));
                    break;
                }
                cursor.gotoParent();
            }
        }
    }

    /**
     * The new tree, sharing {@code old}'s subtrees outside {@code damage}. Falls back to copying a
     * node whole wherever the two trees' children do not line up.
     */
    NodeShape update(NodeShape old, TSNode root, Damage damage) {
        return update(old, 0, root, damage);
    }

    private NodeShape update(NodeShape old, int start, TSNode node, Damage damage) {
        var cursor = new TSTreeCursor(node);
        int kind = kinds.kindOf(node.getSymbol());
        int childCount = node.getChildCount();
        // Inside ERROR nodes, recovery can re-label the fields of children whose text did not change.
        if (kind != old.kind || childCount == 0 || old.children.length == 0 || kinds.error(kind)) {
            return copyAt(node, start);
        }
        int before = 0;
        while (before < old.children.length && start + old.childEnd(before) < damage.start()) {
            before++;
        }
        int after = 0;
        while (after < old.children.length - before
                && start + old.offsets[old.children.length - 1 - after] > damage.oldEnd()) {
            after++;
        }
        int first = cursor.gotoFirstChildForByte(Math.max(0, 2 * damage.start() - 1));
        var middle = new ArrayList<TSNode>();
        var middleFields = new ArrayList<Integer>();
        int seen = first < 0 ? childCount : first;
        if (first >= 0) {
            do {
                TSNode child = cursor.currentNode();
                if (child.getStartByte() / 2 > damage.newEnd()) {
                    break;
                }
                middle.add(child);
                middleFields.add(cursor.currentFieldId());
                seen++;
            } while (cursor.gotoNextSibling());
        }
        if ((first < 0 ? childCount : first) != before || childCount - seen != after) {
            return copyAt(node, start);
        }
        int oldMiddle = old.children.length - before - after;
        int total = before + middle.size() + after;
        var children = new NodeShape[total];
        var offsets = new int[total];
        var fields = new int[total];
        System.arraycopy(old.children, 0, children, 0, before);
        System.arraycopy(old.offsets, 0, offsets, 0, before);
        System.arraycopy(old.fields, 0, fields, 0, before);
        for (int m = 0; m < middle.size(); m++) {
            TSNode child = middle.get(m);
            int childStart = child.getStartByte() / 2;
            NodeShape oldChild = oldMiddle == 1 && middle.size() == 1 ? old.children[before] : null;
            boolean sameStart = oldChild != null && start + old.offsets[before] == childStart
                    && childStart < damage.start();
            children[before + m] = sameStart ? update(oldChild, childStart, child, damage) : copyAt(child, childStart);
            offsets[before + m] = childStart - start;
            fields[before + m] = middleFields.get(m);
        }
        int delta = damage.delta();
        for (int a = 0; a < after; a++) {
            int from = old.children.length - after + a;
            int to = before + middle.size() + a;
            children[to] = old.children[from];
            offsets[to] = old.offsets[from] + delta;
            fields[to] = old.fields[from];
        }
        return new NodeShape(kind, node.getEndByte() / 2 - start, children, offsets, fields);
    }

    private Pending pending(TSTreeCursor cursor) {
        TSNode node = cursor.currentNode();
        return new Pending(kinds.kindOf(node.getSymbol()), node.getStartByte() / 2, node.getEndByte() / 2,
                cursor.currentFieldId());
    }

    /** A node whose children are still being read. */
    private static final class Pending {
        final int kind;
        final int start;
        final int end;
        final int field;
        List<NodeShape> children;
        int[] offsets = NodeShape.NO_INTS;
        int[] fields = NodeShape.NO_INTS;

        Pending(int kind, int start, int end, int field) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.field = field;
        }

        void add(NodeShape child, int childStart, int childField) {
            if (children == null) {
                children = new ArrayList<>(4);
                offsets = new int[4];
                fields = new int[4];
            }
            int i = children.size();
            if (i == offsets.length) {
                offsets = Arrays.copyOf(offsets, i * 2);
                fields = Arrays.copyOf(fields, i * 2);
            }
            children.add(child);
            offsets[i] = childStart - start;
            fields[i] = childField;
        }

        NodeShape shape() {
            if (children == null) {
                return new NodeShape(kind, end - start, NodeShape.NO_CHILDREN, NodeShape.NO_INTS, NodeShape.NO_INTS);
            }
            int n = children.size();
            return new NodeShape(kind, end - start, children.toArray(NodeShape[]::new),
                    Arrays.copyOf(offsets, n), Arrays.copyOf(fields, n));
        }
    }
}
