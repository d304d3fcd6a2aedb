package dev.gptoss.ls.syntax;

import org.treesitter.TSNode;

/** One node captured by a tree-sitter query, with the capture's name and the match it belongs to. */
public record QueryCapture(int match, String name, TSNode node, int startOffset, int endOffset) {
}
