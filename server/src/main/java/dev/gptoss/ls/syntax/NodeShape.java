package dev.gptoss.ls.syntax;

/**
 * A node of a syntax tree copied out of tree-sitter: its kind, width and children, each child's
 * start relative to this node's start. It holds no absolute position, so an unchanged subtree is
 * shared, as is, by the next version of the document.
 */
final class NodeShape {
    static final NodeShape[] NO_CHILDREN = {};
    static final int[] NO_INTS = {};

    final int kind;
    final int width;
    final NodeShape[] children;
    /** Start of each child, relative to this node's start. */
    final int[] offsets;
    /** Field id of each child ({@link NodeKinds#NO_FIELD} for none). */
    final int[] fields;

    NodeShape(int kind, int width, NodeShape[] children, int[] offsets, int[] fields) {
        this.kind = kind;
        this.width = width;
        this.children = children;
        this.offsets = offsets;
        this.fields = fields;
    }

    int childEnd(int index) {
        return offsets[index] + children[index].width;
    }
}
