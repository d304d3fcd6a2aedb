package dev.gptoss.ls.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/** Reads a {@link FileOutline} out of a syntax tree with the language's definition query. */
public final class OutlineExtractor {
    private static final int SHORT_DEFINITION_LINES = 10;
    private static final int MAX_HEADER_LINES = 8;
    private static final int MAX_DOC_LINES = 6;
    private static final int MAX_MEMBERS = 24;
    private static final int MAX_SUMMARY_CHARS = 1600;
    private static final Set<String> NOT_SCOPES = Set.of("field_declaration", "expression_statement",
            "lexical_declaration", "const_declaration", "var_declaration", "const_item", "static_item",
            "type_item", "type_alias_declaration", "function_signature_item");

    private static final Set<String> WRAPPERS = Set.of("export_statement", "decorated_definition");

    private final SyntaxTrees trees;

    public OutlineExtractor(SyntaxTrees trees) {
        this.trees = trees;
    }

    public FileOutline extract(String path, SyntaxTree tree) {
        return extract(path, tree, false);
    }

    /**
     * The outline, with the file's typed names when {@code withBindings} (an open document, where
     * the cursor is: what a receiver is); the workspace index leaves them out.
     */
    public FileOutline extract(String path, SyntaxTree tree, boolean withBindings) {
        var query = DefinitionQueries.forLanguage(tree.languageId());
        if (query.isEmpty()) {
            return FileOutline.empty(path, tree.languageId());
        }
        var raw = new ArrayList<RawDefinition>();
        var imports = new ArrayList<String>();
        TSNode definition = null;
        String name = null;
        int match = -1;
        for (QueryCapture capture : trees.query(tree, query.get())) {
            if (capture.match() != match) {
                addIfComplete(raw, definition, name);
                definition = null;
                name = null;
                match = capture.match();
            }
            switch (capture.name()) {
                case "definition" -> definition = capture.node();
                case "name" -> name = tree.textOf(capture.node());
                case "import" -> imports.add(tree.textOf(capture.node()).strip());
                default -> { }
            }
        }
        addIfComplete(raw, definition, name);
        raw.sort(Comparator.comparingInt((RawDefinition d) -> d.node.getStartByte()));
        var definitions = new ArrayList<Definition>(raw.size());
        Map<String, String> methodsByReceiver = "go".equals(tree.languageId()) ? goMethods(tree, raw) : Map.of();
        for (int i = 0; i < raw.size(); i++) {
            definitions.add(describe(path, tree, raw, i, methodsByReceiver));
        }
        return new FileOutline(path, tree.languageId(), tree.version(), definitions, imports,
                withBindings ? bindings(tree) : List.of());
    }

    private List<Binding> bindings(SyntaxTree tree) {
        var query = BindingQueries.forLanguage(tree.languageId());
        if (query.isEmpty()) {
            return List.of();
        }
        var bindings = new ArrayList<Binding>();
        String name = null;
        String type = null;
        String object = null;
        boolean member = false;
        int line = 0;
        int match = -1;
        for (QueryCapture capture : trees.query(tree, query.get())) {
            if (capture.match() != match) {
                addBinding(bindings, name, type, line, member, object);
                name = null;
                type = null;
                object = null;
                member = false;
                match = capture.match();
            }
            switch (capture.name()) {
                case "name" -> {
                    name = tree.textOf(capture.node());
                    line = capture.node().getStartPoint().getRow();
                }
                case "type" -> type = tree.textOf(capture.node());
                case "made" -> type = typeNamed(tree.textOf(capture.node()));
                case "object" -> object = tree.textOf(capture.node());
                case "member" -> member = true;
                default -> { }
            }
        }
        addBinding(bindings, name, type, line, member, object);
        return bindings;
    }

    /** {@code Client} and {@code http.Client} make a Client; {@code load_config} and {@code config::load} make who knows what. */
    private static String typeNamed(String callee) {
        String last = callee.substring(Math.max(callee.lastIndexOf('.'), callee.lastIndexOf(':')) + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) ? callee : null;
    }

    private static void addBinding(List<Binding> bindings, String name, String type, int line, boolean member,
                                   String object) {
        if (name == null || type == null || type.isBlank() || "var".equals(type)) {
            return;
        }
        if (object != null) {
            if (!"self".equals(object) && !"cls".equals(object)) {
                return; // other.x = ...: not this object's attribute
            }
            member = true;
        }
        bindings.add(new Binding(name, type.strip(), line, member));
    }

    /** A Go type's methods are declared beside it, not inside: their signatures by receiver type name. */
    private static Map<String, String> goMethods(SyntaxTree tree, List<RawDefinition> raw) {
        var methods = new HashMap<String, StringBuilder>();
        for (RawDefinition d : raw) {
            TSNode receiver = "method_declaration".equals(d.inner.getType()) ? childByField(d.inner, "receiver") : null;
            if (receiver == null) {
                continue;
            }
            String receiverType = tree.textOf(receiver).replaceAll("\\[.*?]", "").replaceAll("[()*]", " ").strip();
            String typeName = receiverType.substring(receiverType.lastIndexOf(' ') + 1);
            if (!typeName.isEmpty() && !d.name.startsWith("_")) {
                methods.computeIfAbsent(typeName, k -> new StringBuilder()).append('\n')
                        .append(signature(tree, d.node, childByField(d.inner, "body")));
            }
        }
        var out = new HashMap<String, String>();
        methods.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    private static void addIfComplete(List<RawDefinition> raw, TSNode definition, String name) {
        if (definition != null && name != null && !name.isBlank()) {
            TSNode outer = definition;
            TSNode parent = definition.getParent();
            if (parent != null && !parent.isNull() && WRAPPERS.contains(parent.getType())) {
                outer = parent; // "export function f" and "@decorator def f" read as one
            }
            raw.add(new RawDefinition(outer, definition, name, outer.getStartPoint().getRow(),
                    outer.getEndPoint().getRow()));
        }
    }

    private static Definition describe(String path, SyntaxTree tree, List<RawDefinition> all, int index,
                                       Map<String, String> methodsByReceiver) {
        RawDefinition d = all.get(index);
        TSNode body = childByField(d.inner, "body");
        boolean scope = body != null && !NOT_SCOPES.contains(d.inner.getType());
        String indent = lineStartText(tree, d.node);
        String comment = docComment(tree, d.node);
        // The doc comment starts at its own column; the definition after it needs its indentation back.
        String doc = comment.isEmpty() ? "" : comment + indent;
        String header = doc + signature(tree, d.node, body) + pythonDocstring(tree, body);
        String summary;
        if (d.endLine - d.startLine < SHORT_DEFINITION_LINES) {
            summary = doc + tree.textOf(d.node);
        } else if (scope) {
            summary = header + members(tree, all, index);
        } else {
            summary = doc + firstLines(tree.text(), SyntaxTree.startOffset(d.node), SyntaxTree.endOffset(d.node),
                    SHORT_DEFINITION_LINES) + "\n...";
        }
        String methods = "type_declaration".equals(d.inner.getType()) ? methodsByReceiver.get(d.name) : null;
        if (methods != null) {
            summary = summary + methods;
        }
        if (summary.length() > MAX_SUMMARY_CHARS) {
            summary = summary.substring(0, MAX_SUMMARY_CHARS) + "\n...";
        }
        return new Definition(d.name, d.inner.getType(), path, d.startLine, d.endLine, scope,
                indent + header, indent + summary);
    }

    private static String signature(SyntaxTree tree, TSNode node, TSNode body) {
        if (body == null) {
            return firstLine(tree, node);
        }
        int start = SyntaxTree.startOffset(node);
        int bodyStart = SyntaxTree.startOffset(body);
        String head = tree.text().substring(start, Math.max(start, bodyStart)).stripTrailing();
        // Braced bodies start with their brace; keep it so the header reads as code.
        if (tree.text().startsWith("{", bodyStart)) {
            head = head + " {";
        }
        return firstLines(head, 0, head.length(), MAX_HEADER_LINES);
    }

    private static String pythonDocstring(SyntaxTree tree, TSNode body) {
        if (body == null || !"python".equals(tree.languageId()) || body.getNamedChildCount() == 0) {
            return "";
        }
        TSNode first = body.getNamedChild(0);
        if ("expression_statement".equals(first.getType()) && first.getNamedChildCount() > 0
                && "string".equals(first.getNamedChild(0).getType())) {
            String line = lineStartText(tree, first);
            return "\n" + line + firstLines(tree.text(), SyntaxTree.startOffset(first), SyntaxTree.endOffset(first),
                    MAX_HEADER_LINES);
        }
        return "";
    }

    /** Comments directly above a definition, without a blank line between. */
    private static String docComment(SyntaxTree tree, TSNode node) {
        var comments = new ArrayList<String>();
        int line = node.getStartPoint().getRow();
        TSNode previous = node.getPrevNamedSibling();
        while (previous != null && !previous.isNull() && previous.getType().contains("comment")
                && previous.getEndPoint().getRow() >= line - 1 && comments.size() < MAX_HEADER_LINES) {
            comments.add(0, tree.textOf(previous));
            line = previous.getStartPoint().getRow();
            previous = previous.getPrevNamedSibling();
        }
        return comments.isEmpty() ? "" : firstDocLines(String.join("\n", comments)) + "\n";
    }

    /**
     * A doc comment's opening lines: what a thing is comes first, and a class's long Javadoc would
     * otherwise leave no room for its members. A block comment cut short is closed again.
     */
    private static String firstDocLines(String comment) {
        String kept = firstLines(comment, 0, comment.length(), MAX_DOC_LINES);
        if (kept.length() == comment.length()) {
            return comment;
        }
        String lastLine = kept.substring(kept.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        return comment.startsWith("/*") ? kept + "\n" + indent + "...\n" + indent + "*/" : kept + "\n" + indent + "...";
    }

    /**
     * The signatures of a scope's direct members that other code can use (not private), as a
     * caller reads them: up to the body, a nested type's members left to that type.
     */
    private static String members(SyntaxTree tree, List<RawDefinition> all, int index) {
        RawDefinition outer = all.get(index);
        var out = new StringBuilder();
        int count = 0;
        int nestedEnd = -1;
        for (int i = index + 1; i < all.size() && all.get(i).startLine <= outer.endLine && count < MAX_MEMBERS; i++) {
            RawDefinition member = all.get(i);
            if (SyntaxTree.startOffset(member.node) < nestedEnd) {
                continue;
            }
            nestedEnd = SyntaxTree.endOffset(member.node);
            if (hidden(tree, member)) {
                continue;
            }
            TSNode body = childByField(member.inner, "body");
            String signature = body == null ? firstLine(tree, member.node) : signature(tree, member.node, body);
            if (signature.endsWith(" {")) {
                signature = signature.substring(0, signature.length() - 2);
            }
            out.append('\n').append(lineStartText(tree, member.node)).append(signature.stripTrailing());
            char last = out.charAt(out.length() - 1);
            if (last != ';' && last != ',') {
                out.append(" ...");
            }
            count++;
        }
        return out.toString();
    }

    /** A member other code cannot use: private in Java and TypeScript, underscored in Python (not dunders). */
    private static boolean hidden(SyntaxTree tree, RawDefinition member) {
        String language = tree.languageId();
        if ("python".equals(language)) {
            return member.name.startsWith("_") && !(member.name.startsWith("__") && member.name.endsWith("__"));
        }
        if (member.name.startsWith("#")) {
            return true;
        }
        String head = firstLine(tree, member.node);
        return head.startsWith("private ") || head.contains(" private ") || head.startsWith("@") && head.contains(" private ");
    }

    private static String lineStartText(SyntaxTree tree, TSNode node) {
        int start = SyntaxTree.startOffset(node);
        int lineStart = start;
        while (lineStart > 0 && tree.text().charAt(lineStart - 1) != '\n' && tree.text().charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        String before = tree.text().substring(lineStart, start);
        return before.isBlank() ? before : "";
    }

    private static TSNode childByField(TSNode node, String field) {
        try {
            TSNode child = node.getChildByFieldName(field);
            return child == null || child.isNull() ? null : child;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(SyntaxTree tree, TSNode node) {
        return firstLines(tree.text(), SyntaxTree.startOffset(node), SyntaxTree.endOffset(node), 1);
    }

    /**
     * The first {@code max} lines of {@code text[start, end)}, joined with {@code \n}; the whole
     * range when it has no more lines. Reads only as far as those lines go: definitions can be long.
     */
    private static String firstLines(String text, int start, int end, int max) {
        end = Math.min(end, text.length());
        start = Math.min(start, end);
        var out = new StringBuilder();
        int lineStart = start;
        for (int line = 0; line < max; line++) {
            int lineEnd = lineStart;
            while (lineEnd < end && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            if (lineEnd >= end) {
                return text.substring(start, end);
            }
            if (line > 0) {
                out.append('\n');
            }
            out.append(text, lineStart, lineEnd);
            lineStart = lineEnd + (text.startsWith("\r\n", lineEnd) ? 2 : 1);
        }
        return out.toString();
    }

    private record RawDefinition(TSNode node, TSNode inner, String name, int startLine, int endLine) {
    }
}
