package dev.gptoss.ls.actions;

import dev.gptoss.ls.syntax.SyntaxTree;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * Tree-sitter's error and missing nodes where a grammar exists, plus, for Python, the indentation
 * rules tree-sitter recovers from but CPython rejects ({@link PythonIndentation}). Languages without
 * a grammar get the bracket check.
 */
public final class TreeSitterSyntaxCheck implements SyntaxCheck {
    private final SyntaxTrees syntax;
    private final SyntaxCheck withoutGrammar = new BracketBalanceCheck();

    public TreeSitterSyntaxCheck(SyntaxTrees syntax) {
        this.syntax = syntax;
    }

    @Override
    public List<SyntaxProblem> problems(String languageId, String text) {
        var found = new ArrayList<SyntaxProblem>();
        var parsed = syntax.parse(languageId, text);
        if (parsed.isEmpty()) {
            return withoutGrammar.problems(languageId, text);
        }
        try (var tree = parsed.get()) {
            if (tree.hasErrors()) {
                errors(tree.root(), tree, found);
            }
        }
        if (languageId.equals("python")) {
            found.addAll(PythonIndentation.problems(text));
            found.sort((a, b) -> Integer.compare(a.startOffset(), b.startOffset()));
        }
        return found;
    }

    private static void errors(TSNode node, SyntaxTree tree, List<SyntaxProblem> found) {
        if (node.isError() || node.isMissing()) {
            int start = SyntaxTree.startOffset(node);
            String message = node.isMissing() ? "missing " + node.getType() : "syntax error";
            found.add(new SyntaxProblem(start, SyntaxTree.endOffset(node), node.getStartPoint().getRow(), message));
            return;
        }
        for (int c = 0; c < node.getChildCount(); c++) {
            TSNode child = node.getChild(c);
            if (child.hasError()) {
                errors(child, tree, found);
            }
        }
    }
}
