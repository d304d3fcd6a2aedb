package dev.gptoss.ls.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of a {@link SyntaxTree}, read in plain Java: no call into tree-sitter. Offsets are UTF-16
 * offsets into the tree's text. Children are made when first asked for and then kept, so walking
 * a tree twice costs one walk's allocations; two threads may each make a child, which compare equal.
 */
public final class SyntaxNode {
    private final SyntaxTree tree;
    private final NodeShape shape;
    private final int start;
    private final SyntaxNode parent;
    private final int index;
    private SyntaxNode[] children;

    SyntaxNode(SyntaxTree tree, NodeShape shape, int start, SyntaxNode parent, int index) {
        this.tree = tree;
        this.shape = shape;
        this.start = start;
        this.parent = parent;
        this.index = index;
    }

    public SyntaxTree tree() {
        return tree;
    }

    public String type() {
        return tree.kinds().name(shape.kind);
    }

    public boolean is(String type) {
        return type().equals(type);
    }

    int kind() {
        return shape.kind;
    }

    /** Named nodes are the grammar's rules; the others are its keywords and punctuation. */
    public boolean named() {
        return tree.kinds().named(shape.kind);
    }

    public boolean comment() {
        return tree.kinds().comment(shape.kind);
    }

    /** An ERROR node, or a zero-width node the parser inserted to recover. */
    public boolean error() {
        return type().equals("ERROR") || shape.width == 0 && named();
    }

    public int start() {
        return start;
    }

    /**
     * What this subtree is made of, as an object compared by identity: the same object in two
     * versions of a document means the subtree was reused unchanged (only shifted).
     */
    public Object shape() {
        return shape;
    }

    public int end() {
        return start + shape.width;
    }

    public String text() {
        return tree.text().substring(start, end());
    }

    /** Whether this node's text is exactly {@code text}, without copying it. */
    public boolean textIs(String text) {
        return shape.width == text.length() && tree.text().startsWith(text, start);
    }

    public Optional<SyntaxNode> parent() {
        return Optional.ofNullable(parent);
    }

    SyntaxNode parentOrNull() {
        return parent;
    }

    /** This node's position among its parent's children. */
    public int index() {
        return index;
    }

    public int childCount() {
        return shape.children.length;
    }

    public SyntaxNode child(int i) {
        SyntaxNode[] made = children;
        if (made == null) {
            made = new SyntaxNode[shape.children.length];
            children = made;
        }
        SyntaxNode child = made[i];
        if (child == null) {
            child = new SyntaxNode(tree, shape.children[i], start + shape.offsets[i], this, i);
            made[i] = child;
        }
        return child;
    }

    public List<SyntaxNode> children() {
        var list = new ArrayList<SyntaxNode>(childCount());
        for (int i = 0; i < childCount(); i++) {
            list.add(child(i));
        }
        return list;
    }

    /** Named children, comments left out. */
    public List<SyntaxNode> namedChildren() {
        var list = new ArrayList<SyntaxNode>(childCount());
        for (int i = 0; i < childCount(); i++) {
            SyntaxNode child = child(i);
            if (child.named() && !child.comment()) {
                list.add(child);
            }
        }
        return list;
    }

    /** The field name under which child {@code i} sits in this node, or null. */
    public String fieldName(int i) {
        return tree.kinds().fieldName(shape.fields[i]);
    }

    int fieldId(int i) {
        return shape.fields[i];
    }

    /** The first child in field {@code name}. */
    public Optional<SyntaxNode> field(String name) {
        for (int i = 0; i < childCount(); i++) {
            if (name.equals(fieldName(i))) {
                return Optional.of(child(i));
            }
        }
        return Optional.empty();
    }

    /** Every child in field {@code name}, in order. */
    public List<SyntaxNode> fieldAll(String name) {
        var list = new ArrayList<SyntaxNode>(2);
        for (int i = 0; i < childCount(); i++) {
            if (name.equals(fieldName(i))) {
                list.add(child(i));
            }
        }
        return list;
    }

    /** The first child of this type. */
    public Optional<SyntaxNode> childOfType(String type) {
        for (int i = 0; i < childCount(); i++) {
            if (child(i).is(type)) {
                return Optional.of(child(i));
            }
        }
        return Optional.empty();
    }

    public Optional<SyntaxNode> nextSibling() {
        return parent != null && index + 1 < parent.childCount() ? Optional.of(parent.child(index + 1)) : Optional.empty();
    }

    public Optional<SyntaxNode> previousSibling() {
        return parent != null && index > 0 ? Optional.of(parent.child(index - 1)) : Optional.empty();
    }

    /** The nearest ancestor (not this node) of one of these types. */
    public Optional<SyntaxNode> ancestor(String... types) {
        for (SyntaxNode at = parent; at != null; at = at.parent) {
            for (String type : types) {
                if (at.is(type)) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code other} is this node or lies inside it. */
    public boolean contains(SyntaxNode other) {
        for (SyntaxNode at = other; at != null; at = at.parent) {
            if (at.equals(this)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node is the first thing on its line (only spaces and tabs before it). */
    public boolean startsLine() {
        String text = tree.text();
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The spaces and tabs that start the node's line. */
    public String lineIndent() {
        String text = tree.text();
        int lineStart = start;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        int end = lineStart;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(lineStart, end);
    }

    /** Two readers may each make their own copy of a child; they are the same node. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SyntaxNode node && node.shape == shape && node.start == start && node.tree == tree;
    }

    @Override
    public int hashCode() {
        return 31 * start + shape.kind;
    }

    @Override
    public String toString() {
        return type() + "[" + start + "," + end() + ")";
    }
}
