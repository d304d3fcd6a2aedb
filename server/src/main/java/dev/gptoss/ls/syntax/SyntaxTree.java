package dev.gptoss.ls.syntax;

import org.treesitter.TSNode;
import org.treesitter.TSTree;

/**
 * One parsed version of a text. Offsets are the text's UTF-16 offsets: the tree is parsed from
 * UTF-16, so a node's byte offset is twice its character offset.
 *
 * <p>{@link #rootNode()} is the same tree read into plain Java objects, made on first use. When the
 * tree was parsed from an edit of an earlier one whose nodes had been read, only the damaged part
 * is read again.
 *
 * <p>The tree-sitter tree lives in native memory, which the garbage collector does not see, so it
 * is freed when the last of its holders closes it, not when a collection happens to run: whoever
 * parsed it holds it ({@link SyntaxTrees} for an open document, until a newer tree replaces it),
 * and each reader it is handed to ({@link SyntaxTrees#treeOf}) holds it until it closes it. A
 * freed tree's native nodes are never read: {@link #root()} then throws.
 */
public final class SyntaxTree implements AutoCloseable {
    private final String languageId;
    private final int version;
    private final String text;
    private final TSTree tree;
    private final NodeKinds kinds;
    private NodeShape donor;
    private Damage donorDamage;
    private NodeShape shape;
    private SyntaxNode rootNode;
    private volatile TreeIndex index;
    private volatile CodeFacts facts;
    /** Who holds the native tree: the one who parsed it, and each reader handed it since. */
    private int holders = 1;
    private boolean freed;

    SyntaxTree(String languageId, int version, String text, TSTree tree, NodeKinds kinds) {
        this(languageId, version, text, tree, kinds, null, null);
    }

    /**
     * @param previous the tree this one was parsed from, if any
     * @param damage where this tree's text differs from {@code previous}'s
     */
    SyntaxTree(String languageId, int version, String text, TSTree tree, NodeKinds kinds, SyntaxTree previous,
               Damage damage) {
        this.languageId = languageId;
        this.version = version;
        this.text = text;
        this.tree = tree;
        this.kinds = kinds;
        if (previous != null && damage != null) {
            synchronized (previous) {
                if (previous.shape != null) {
                    donor = previous.shape;
                    donorDamage = damage;
                } else if (previous.donor != null) {
                    donor = previous.donor;
                    donorDamage = previous.donorDamage.then(damage);
                }
            }
        }
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

    /** The tree-sitter root; only while the tree is held. */
    public TSNode root() {
        return open().getRootNode();
    }

    /** The tree as plain Java nodes; the first call reads it out of tree-sitter. */
    public synchronized SyntaxNode rootNode() {
        if (rootNode == null) {
            var mirror = new NodeMirror(kinds);
            shape = donor == null ? mirror.copyRoot(root()) : mirror.update(donor, root(), donorDamage);
            donor = null;
            donorDamage = null;
            rootNode = new SyntaxNode(this, shape, 0, null, 0);
        }
        return rootNode;
    }

    /** The nodes of each type, for rules that start from a node type; made once per tree. */
    public TreeIndex index() {
        TreeIndex made = index;
        if (made == null) {
            made = TreeIndex.of(rootNode());
            index = made;
        }
        return made;
    }

    /** The facts a linter reads from this tree, for the languages that have them; else null. */
    CodeFacts facts() {
        CodeFacts made = facts;
        if (made == null) {
            made = switch (languageId) {
                case "python" -> new PythonFacts(rootNode());
                case "typescript", "typescriptreact", "javascript", "javascriptreact" -> new ScriptFacts(rootNode());
                case "java" -> new JavaFacts(rootNode());
                default -> null;
            };
            facts = made;
        }
        return made;
    }

    public NodeKinds kinds() {
        return kinds;
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
        return open();
    }

    private synchronized TSTree open() {
        if (freed) {
            throw new IllegalStateException("the syntax tree of version " + version + " was closed");
        }
        return tree;
    }

    /** One more holder (a reader it is handed to): false if the tree was freed already. */
    synchronized boolean hold() {
        if (freed) {
            return false;
        }
        holders++;
        return true;
    }

    /** Lets go of the tree; the last holder frees its native memory. */
    @Override
    public void close() {
        synchronized (this) {
            if (freed || --holders > 0) {
                return;
            }
            freed = true;
        }
        tree.close();
    }

    synchronized boolean freed() {
        return freed;
    }
}
