package dev.gptoss.ls.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@link CodeFacts} for Java, as far as the rules need it: a class name reads as its import
 * ({@code HttpRequest} after {@code import java.net.http.HttpRequest;}), {@code java.lang}'s
 * classes are known, and method chains (builders) are followed.
 */
final class JavaFacts extends MemoFacts {
    private static final Set<String> JAVA_LANG = Set.of("System", "Math", "Thread", "Runtime", "String", "Integer",
            "Long", "Objects", "Object", "StringBuilder", "ProcessBuilder", "Process");
    private static final Set<String> CALLS = Set.of("method_invocation", "object_creation_expression");

    private final SyntaxNode root;
    private volatile Map<String, String> imports;

    JavaFacts(SyntaxNode root) {
        this.root = root;
    }

    @Override
    public Optional<String> qualifiedName(SyntaxNode expression) {
        switch (expression.type()) {
            case "method_invocation" -> {
                String name = expression.field("name").map(SyntaxNode::text).orElse("");
                Optional<SyntaxNode> object = expression.field("object");
                return object.isEmpty() ? Optional.of(name) : qualifiedName(object.get()).map(q -> q + "." + name);
            }
            case "object_creation_expression" -> {
                return expression.field("type").flatMap(this::qualifiedName);
            }
            case "field_access" -> {
                Optional<SyntaxNode> object = expression.field("object");
                Optional<SyntaxNode> field = expression.field("field");
                if (object.isEmpty() || field.isEmpty()) {
                    return Optional.empty();
                }
                return qualifiedName(object.get()).map(q -> q + "." + field.get().text());
            }
            case "identifier", "type_identifier" -> {
                String name = expression.text();
                String imported = imports().get(name);
                if (imported != null) {
                    return Optional.of(imported);
                }
                return Optional.of(JAVA_LANG.contains(name) ? "java.lang." + name : name);
            }
            case "scoped_identifier", "scoped_type_identifier" -> {
                return Optional.of(expression.text().replaceAll("\\s+", ""));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Map<String, String> imports() {
        Map<String, String> found = imports;
        if (found == null) {
            var map = new HashMap<String, String>();
            for (SyntaxNode statement : root.namedChildren()) {
                if (statement.is("import_declaration") && statement.childOfType("asterisk").isEmpty()
                        && statement.childOfType("static").isEmpty()) {
                    String name = statement.namedChildren().stream().findFirst().map(SyntaxNode::text).orElse("")
                            .replaceAll("\\s+", "");
                    map.put(name.substring(name.lastIndexOf('.') + 1), name);
                }
            }
            found = map;
            imports = found;
        }
        return found;
    }

    @Override
    public boolean madeBy(SyntaxNode expression, Predicate<String> made) {
        if (CALLS.contains(expression.type())) {
            return qualifiedName(expression).filter(made).isPresent();
        }
        for (SyntaxNode value : assignedValues(expression)) {
            if (CALLS.contains(value.type()) && qualifiedName(value).filter(made).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean inAsyncFunction(SyntaxNode node) {
        return false;
    }

    @Override
    public Optional<SyntaxNode> enclosingFunction(SyntaxNode node) {
        return node.ancestor("method_declaration", "constructor_declaration", "static_initializer", "field_declaration");
    }

    @Override
    public Optional<String> functionName(SyntaxNode function) {
        return function.is("method_declaration") ? function.field("name").map(SyntaxNode::text)
                : function.is("constructor_declaration") ? Optional.of("<init>") : Optional.of("<static>");
    }

    @Override
    public boolean hasKeyword(SyntaxNode arguments, List<String> names) {
        return false;
    }

    @Override
    public boolean reachesCall(SyntaxNode expression, Predicate<String> sink) {
        for (SyntaxNode at = expression.parentOrNull(); at != null; at = at.parentOrNull()) {
            if (CALLS.contains(at.type()) && qualifiedName(at).filter(sink).isPresent()) {
                return true;
            }
            if (at.type().endsWith("statement") || at.is("block")) {
                return false;
            }
        }
        return false;
    }

    @Override
    public boolean chainHas(SyntaxNode call, List<String> methods) {
        SyntaxNode at = call;
        while (at.parentOrNull() != null && at.parentOrNull().is("method_invocation")
                && at.parentOrNull().field("object").map(at::equals).orElse(false)) {
            at = at.parentOrNull();
            if (at.field("name").map(n -> methods.contains(n.text())).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean environmentDefault(SyntaxNode literal) {
        SyntaxNode arguments = literal.parentOrNull();
        if (arguments == null || !arguments.is("argument_list") || arguments.parentOrNull() == null) {
            return false;
        }
        String call = arguments.parentOrNull().text();
        return call.contains("getenv") || call.contains("getProperty");
    }

    @Override
    public boolean docstring(SyntaxNode string) {
        return false;
    }

    @Override
    public Optional<SyntaxNode> callee(SyntaxNode call) {
        return CALLS.contains(call.type()) ? Optional.of(call) : Optional.empty();
    }

    @Override
    public boolean isCall(SyntaxNode node) {
        return CALLS.contains(node.type());
    }

    @Override
    public Optional<SyntaxNode> receiver(SyntaxNode callee) {
        return callee.is("method_invocation") ? callee.field("object") : Optional.empty();
    }

    @Override
    public Optional<String> memberName(SyntaxNode callee) {
        return callee.is("method_invocation") ? callee.field("name").map(SyntaxNode::text) : Optional.empty();
    }

    @Override
    public boolean isSelf(SyntaxNode expression) {
        return expression.is("this");
    }

    @Override
    public Optional<String> boundName(SyntaxNode expression) {
        if (expression.is("identifier")) {
            return Optional.of(expression.text());
        }
        if (expression.is("field_access") && expression.field("object").map(this::isSelf).orElse(false)) {
            return expression.field("field").map(f -> "this." + f.text());
        }
        return Optional.empty();
    }

    @Override
    public List<SyntaxNode> assignedValues(SyntaxNode expression) {
        Optional<String> name = boundName(expression);
        if (name.isEmpty()) {
            return List.of();
        }
        String plain = name.get().startsWith("this.") ? name.get().substring(5) : name.get();
        SyntaxNode scope = expression.ancestor("class_body").orElse(root);
        var values = new ArrayList<SyntaxNode>();
        PythonFacts.walk(scope, n -> {
            if (n.is("variable_declarator") && n.field("name").map(x -> x.textIs(plain)).orElse(false)) {
                n.field("value").ifPresent(values::add);
            } else if (n.is("assignment_expression") && n.field("left").flatMap(this::boundName)
                    .map(b -> b.equals(plain) || b.equals("this." + plain)).orElse(false)) {
                n.field("right").ifPresent(values::add);
            }
        });
        return values;
    }

    @Override
    public boolean isFunction(SyntaxNode node) {
        return node.is("method_declaration");
    }

    @Override
    public List<SyntaxNode> functionsCalled(SyntaxNode callee) {
        return List.of();
    }

    @Override
    public boolean decorated(SyntaxNode function, Predicate<String> test) {
        return function.childOfType("modifiers").map(m -> test.test(m.text())).orElse(false);
    }

    @Override
    public List<SyntaxNode> references(SyntaxNode function) {
        return List.of();
    }

    @Override
    public List<SyntaxNode> callsIn(SyntaxNode node) {
        var calls = new ArrayList<SyntaxNode>();
        PythonFacts.walk(node, n -> {
            if (CALLS.contains(n.type())) {
                calls.add(n);
            }
        });
        return calls;
    }

    @Override
    public List<SyntaxNode> stringValues(SyntaxNode expression) {
        return expression.is("string_literal") ? List.of(expression) : List.of();
    }
}
