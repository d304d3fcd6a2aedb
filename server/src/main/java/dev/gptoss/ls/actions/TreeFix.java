package dev.gptoss.ls.actions;

import dev.gptoss.ls.actions.MatcherRule.EditTemplate;
import dev.gptoss.ls.syntax.QueryMatch;
import dev.gptoss.ls.syntax.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query rule's deterministic fix: edits on the captured nodes. Positions come from the nodes,
 * never from searching the text, so a call whose arguments span lines gets its keyword after the
 * right argument; inserted line ends are the document's own.
 */
final class TreeFix {
    private static final Pattern CAPTURE_REFERENCE = Pattern.compile("\\$\\{([\\w.-]+)\\}");

    private enum Operation { REPLACE, INSERT_BEFORE, INSERT_AFTER, ADD_ARGUMENT, ADD_LINE_BEFORE, ENSURE_IMPORT }

    private record Step(Operation operation, String capture, String text) {
    }

    private final String title;
    private final List<Step> steps;

    private TreeFix(String title, List<Step> steps) {
        this.title = title;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException saying what is wrong with the template */
    static TreeFix compile(MatcherRule.FixTemplate template, Set<String> captures, String languageId) {
        if (template.title() == null || template.title().isBlank()) {
            throw new IllegalArgumentException("a fix needs a \"title\"");
        }
        if (template.replace() != null) {
            throw new IllegalArgumentException("a query's fix lists \"edits\" on captures, not a \"replace\" text");
        }
        if (template.edits() == null || template.edits().isEmpty()) {
            throw new IllegalArgumentException("a fix needs \"edits\"");
        }
        var steps = new ArrayList<Step>();
        for (EditTemplate edit : template.edits()) {
            Step step = step(edit);
            if (step.operation() == Operation.ENSURE_IMPORT) {
                if (!languageId.equals("python")) {
                    throw new IllegalArgumentException("\"ensureImport\" works for python only");
                }
            } else if (!captures.contains(step.capture())) {
                throw new IllegalArgumentException("the fix edits @" + step.capture() + ", which the query does not capture");
            }
            Matcher reference = CAPTURE_REFERENCE.matcher(step.text() == null ? "" : step.text());
            while (reference.find()) {
                if (!captures.contains(reference.group(1))) {
                    throw new IllegalArgumentException("the fix refers to " + reference.group()
                            + ", which the query does not capture");
                }
            }
            steps.add(step);
        }
        return new TreeFix(template.title(), List.copyOf(steps));
    }

    private static Step step(EditTemplate edit) {
        var found = new ArrayList<Step>();
        if (edit.replace() != null) {
            found.add(new Step(Operation.REPLACE, capture(edit.replace()), required(edit.with(), "with")));
        }
        if (edit.insertBefore() != null) {
            found.add(new Step(Operation.INSERT_BEFORE, capture(edit.insertBefore()), required(edit.text(), "text")));
        }
        if (edit.insertAfter() != null) {
            found.add(new Step(Operation.INSERT_AFTER, capture(edit.insertAfter()), required(edit.text(), "text")));
        }
        if (edit.addArgument() != null) {
            found.add(new Step(Operation.ADD_ARGUMENT, capture(edit.addArgument()), required(edit.text(), "text")));
        }
        if (edit.addLineBefore() != null) {
            found.add(new Step(Operation.ADD_LINE_BEFORE, capture(edit.addLineBefore()), required(edit.text(), "text")));
        }
        if (edit.ensureImport() != null) {
            if (!edit.ensureImport().matches("[A-Za-z_][\\w.]*")) {
                throw new IllegalArgumentException("\"ensureImport\" takes a module name, got \"" + edit.ensureImport() + "\"");
            }
            found.add(new Step(Operation.ENSURE_IMPORT, null, edit.ensureImport()));
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("each edit has exactly one of replace, insertBefore, insertAfter, "
                    + "addArgument, addLineBefore, ensureImport");
        }
        return found.get(0);
    }

    private static String capture(String name) {
        return name.startsWith("@") ? name.substring(1) : name;
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("this edit needs \"" + field + "\"");
        }
        return value;
    }

    /** The fix for one match; empty when a capture it edits did not take part in the match. */
    Optional<QuickFix> apply(QueryMatch match, RuleScan scan) {
        String separator = scan.document().lineSeparator();
        var edits = new ArrayList<Edit>();
        for (Step step : steps) {
            if (step.operation() == Operation.ENSURE_IMPORT) {
                importEdit(match.root(), step.text(), separator).ifPresent(at -> edits.add(insert(scan, at.offset, at.text)));
                continue;
            }
            Optional<SyntaxNode> node = match.capture(step.capture());
            if (node.isEmpty()) {
                return Optional.empty();
            }
            SyntaxNode n = node.get();
            String text = expand(step.text(), match, separator);
            edits.add(switch (step.operation()) {
                case REPLACE -> new Edit(scan.span(n.start(), n.end()), text);
                case INSERT_BEFORE -> insert(scan, n.start(), text);
                case INSERT_AFTER -> insert(scan, n.end(), text);
                case ADD_ARGUMENT -> argument(scan, n, text, separator);
                case ADD_LINE_BEFORE -> n.startsLine() ? insert(scan, n.start(), text + separator + n.lineIndent())
                        : insert(scan, n.start(), text + "; ");
                case ENSURE_IMPORT -> throw new IllegalStateException();
            });
        }
        return Optional.of(new QuickFix(title, edits));
    }

    private static Edit insert(RuleScan scan, int offset, String text) {
        return new Edit(scan.span(offset, offset), text);
    }

    /** The text with {@code ${capture}} filled in; its own line ends become the document's. */
    private static String expand(String template, QueryMatch match, String separator) {
        Matcher reference = CAPTURE_REFERENCE.matcher(template);
        var out = new StringBuilder();
        int at = 0;
        while (reference.find()) {
            out.append(template, at, reference.start());
            out.append(match.capture(reference.group(1)).map(SyntaxNode::text).orElse(""));
            at = reference.end();
        }
        out.append(template.substring(at));
        return out.toString().replace("\n", separator);
    }

    /**
     * {@code text} as the last element of a bracketed list: after a trailing comma if there is
     * one, on a line of its own when the elements are one per line, in the brackets when empty.
     */
    private static Edit argument(RuleScan scan, SyntaxNode list, String text, String separator) {
        List<SyntaxNode> elements = list.namedChildren();
        SyntaxNode close = list.child(list.childCount() - 1);
        boolean object = list.is("object");
        if (elements.isEmpty()) {
            return insert(scan, close.start(), object ? " " + text + " " : text);
        }
        SyntaxNode last = elements.get(elements.size() - 1);
        SyntaxNode comma = null;
        for (int i = last.index() + 1; i < list.childCount() - 1; i++) {
            if (list.child(i).textIs(",")) {
                comma = list.child(i);
            }
        }
        boolean onePerLine = last.startsLine() && close.startsLine();
        if (onePerLine) {
            String line = separator + last.lineIndent() + text;
            return comma != null ? insert(scan, comma.end(), line + ",") : insert(scan, last.end(), "," + line);
        }
        return comma != null ? insert(scan, comma.end(), " " + text) : insert(scan, last.end(), ", " + text);
    }

    private record Insertion(int offset, String text) {
    }

    /** {@code import module} after the module's last top-level import, unless it is imported already. */
    private static Optional<Insertion> importEdit(SyntaxNode any, String module, String separator) {
        SyntaxNode root = any;
        while (root.parent().isPresent()) {
            root = root.parent().get();
        }
        SyntaxNode lastImport = null;
        SyntaxNode docstring = null;
        for (SyntaxNode statement : root.namedChildren()) {
            if (statement.is("import_statement")) {
                for (SyntaxNode name : statement.fieldAll("name")) {
                    if (name.textIs(module)) {
                        return Optional.empty();
                    }
                }
                lastImport = statement;
            } else if (statement.is("import_from_statement") || statement.is("future_import_statement")) {
                lastImport = statement;
            } else if (lastImport == null && docstring == null && statement.is("expression_statement")
                    && statement.namedChildren().size() == 1 && statement.namedChildren().get(0).is("string")) {
                docstring = statement;
            } else if (lastImport == null && docstring == null) {
                return Optional.of(new Insertion(statement.start(), "import " + module + separator));
            }
        }
        SyntaxNode after = lastImport != null ? lastImport : docstring;
        if (after == null) {
            return Optional.of(new Insertion(0, "import " + module + separator));
        }
        return Optional.of(new Insertion(after.end(), separator + "import " + module));
    }
}
