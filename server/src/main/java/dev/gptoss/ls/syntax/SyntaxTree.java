package dev.gptoss.ls.syntax;

import org.treesitter.TSNode;
import org.treesitter.TSTree;

/**
 * One parsed version of a text. Offsets are the text's UTF-16 offsets: the tree is parsed from
 * UTF-16, so a node's byte offset is twice its character offset.
 */
public final class SyntaxTree {
    private final String languageId;
    private final int version;
    private final String text;
    private final TSTree tree;

    SyntaxTree(String languageId, int version, String text, TSTree tree) {
        this.languageId = languageId;
        this.version = version;
        this.text = text;
        this.tree = tree;
    }

    public String languageId() {
        return languageId;
    }

    /** The document version parsed, or -1 for text that is not an open document. */
    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public TSNode root() {
        return tree.getRootNode();
    }

    public boolean hasErrors() {
        return root().hasError();
    }

    public static int startOffset(TSNode node) {
        return node.getStartByte() / 2;
    }

    public static int endOffset(TSNode node) {
        return node.getEndByte() / 2;
    }

    public String textOf(TSNode node) {
        int start = Math.min(startOffset(node), text.length());
        return text.substring(start, Math.max(start, Math.min(endOffset(node), text.length())));
    }

    TSTree tree() {
        return tree;
    }
}
