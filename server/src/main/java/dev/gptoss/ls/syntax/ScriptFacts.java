package dev.gptoss.ls.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@link CodeFacts} for TypeScript and JavaScript: names are looked up in the blocks and functions
 * around them, then in the module's imports ({@code import {a as b} from "m"} makes {@code b} read
 * {@code m.a}); an undeclared name is a global ({@code fetch}, {@code Date.now}).
 */
final class ScriptFacts extends MemoFacts {
    private static final int MAX_DEPTH = 6;
    private static final Set<String> FUNCTIONS = Set.of("function_declaration", "function_expression", "function",
            "arrow_function", "method_definition", "generator_function_declaration", "generator_function");
    private static final Set<String> BLOCKS = Set.of("statement_block", "program", "class_body");
    private static final Set<String> CALLS = Set.of("call_expression", "new_expression");

    /** A declaration a name resolves to: what it was given, its declared type, or its import. */
    private record Declaration(SyntaxNode at, SyntaxNode value, SyntaxNode type, String imported) {
    }

    private final SyntaxNode root;

    ScriptFacts(SyntaxNode root) {
        this.root = root;
    }

    @Override
    public Optional<String> qualifiedName(SyntaxNode expression) {
        return qualified(expression, 0);
    }

    private Optional<String> qualified(SyntaxNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        switch (node.type()) {
            case "call_expression" -> {
                return node.field("function").flatMap(f -> qualified(f, depth + 1));
            }
            case "new_expression" -> {
                return node.field("constructor").flatMap(f -> qualified(f, depth + 1));
            }
            case "parenthesized_expression", "non_null_expression" -> {
                return last(node).flatMap(n -> qualified(n, depth + 1));
            }
            case "member_expression" -> {
                Optional<SyntaxNode> object = node.field("object");
                Optional<SyntaxNode> property = node.field("property");
                if (object.isEmpty() || property.isEmpty()) {
                    return Optional.empty();
                }
                return qualified(object.get(), depth + 1).map(q -> q + "." + property.get().text());
            }
            case "identifier", "type_identifier" -> {
                Optional<Declaration> declaration = declaration(node, node.text());
                if (declaration.isEmpty()) {
                    return Optional.of(node.text());
                }
                if (declaration.get().imported() != null) {
                    return Optional.of(declaration.get().imported());
                }
                SyntaxNode value = declaration.get().value();
                if (value != null && (value.is("member_expression") || value.is("identifier"))) {
                    return qualified(value, depth + 1);
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    @Override
    public boolean madeBy(SyntaxNode expression, Predicate<String> made) {
        return madeBy(expression, made, 0);
    }

    private boolean madeBy(SyntaxNode node, Predicate<String> made, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (CALLS.contains(node.type())) {
            return qualifiedName(node).filter(made).isPresent();
        }
        if (node.is("await_expression") || node.is("parenthesized_expression")) {
            return last(node).map(n -> madeBy(n, made, depth + 1)).orElse(false);
        }
        if (node.is("identifier")) {
            Optional<Declaration> declaration = declaration(node, node.text());
            return declaration.map(d -> d.type() != null && typeMatches(d.type(), made)
                    || d.value() != null && madeBy(d.value(), made, depth + 1)).orElse(false);
        }
        if (node.is("member_expression")) {
            for (SyntaxNode value : assignedValues(node)) {
                if (value.is("type_annotation") ? typeMatches(value, made) : madeBy(value, made, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean typeMatches(SyntaxNode type, Predicate<String> made) {
        var found = new boolean[1];
        PythonFacts.walk(type, n -> {
            if ((n.is("type_identifier") || n.is("identifier")) && qualifiedName(n).filter(made).isPresent()) {
                found[0] = true;
            }
        });
        return found[0];
    }

    @Override
    public boolean inAsyncFunction(SyntaxNode node) {
        for (SyntaxNode at = node.parentOrNull(); at != null; at = at.parentOrNull()) {
            if (FUNCTIONS.contains(at.type())) {
                return at.childOfType("async").isPresent();
            }
        }
        return false;
    }

    @Override
    public Optional<SyntaxNode> enclosingFunction(SyntaxNode node) {
        for (SyntaxNode at = node.parentOrNull(); at != null; at = at.parentOrNull()) {
            if (at.is("function_declaration") || at.is("method_definition") || at.is("generator_function_declaration")) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> functionName(SyntaxNode function) {
        return function.field("name").map(SyntaxNode::text);
    }

    @Override
    public boolean hasKeyword(SyntaxNode arguments, List<String> names) {
        SyntaxNode object = arguments;
        if (arguments.is("arguments")) {
            List<SyntaxNode> args = arguments.namedChildren();
            if (args.size() < 2) {
                return false;
            }
            object = args.get(1);
        }
        if (!object.is("object")) {
            return true; // options built elsewhere may carry it
        }
        for (SyntaxNode member : object.namedChildren()) {
            if (member.is("spread_element")) {
                return true;
            }
            String key = member.is("pair") ? member.field("key").map(SyntaxNode::text).orElse("")
                    : member.is("shorthand_property_identifier") || member.is("method_definition")
                    ? member.field("name").map(SyntaxNode::text).orElse(member.text()) : "";
            if (names.contains(unquote(key))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean reachesCall(SyntaxNode expression, Predicate<String> sink) {
        for (SyntaxNode at = expression.parentOrNull(); at != null; at = at.parentOrNull()) {
            if (CALLS.contains(at.type()) && qualifiedName(at).filter(sink).isPresent()) {
                return true;
            }
            if (at.is("expression_statement") || at.is("lexical_declaration") || BLOCKS.contains(at.type())) {
                return false;
            }
        }
        return false;
    }

    @Override
    public boolean chainHas(SyntaxNode call, List<String> methods) {
        return CodeFacts.chainOfMembersHas(call, methods, "member_expression", "property", "call_expression");
    }

    @Override
    public boolean environmentDefault(SyntaxNode literal) {
        SyntaxNode parent = literal.parentOrNull();
        if (parent != null && parent.is("binary_expression") && parent.field("right").map(literal::equals).orElse(false)) {
            String operator = parent.field("operator").map(SyntaxNode::text).orElse("");
            String left = parent.field("left").map(SyntaxNode::text).orElse("");
            return (operator.equals("??") || operator.equals("||"))
                    && (left.startsWith("process.env") || left.startsWith("import.meta.env"));
        }
        return false;
    }

    @Override
    public boolean docstring(SyntaxNode string) {
        SyntaxNode parent = string.parentOrNull();
        return parent != null && parent.is("expression_statement");
    }

    @Override
    public Optional<SyntaxNode> callee(SyntaxNode call) {
        return call.is("call_expression") ? call.field("function")
                : call.is("new_expression") ? call.field("constructor") : Optional.empty();
    }

    @Override
    public boolean isCall(SyntaxNode node) {
        return CALLS.contains(node.type());
    }

    @Override
    public Optional<SyntaxNode> receiver(SyntaxNode callee) {
        return callee.is("member_expression") ? callee.field("object") : Optional.empty();
    }

    @Override
    public Optional<String> memberName(SyntaxNode callee) {
        return callee.is("member_expression") ? callee.field("property").map(SyntaxNode::text) : Optional.empty();
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
        if (expression.is("member_expression") && expression.field("object").map(this::isSelf).orElse(false)) {
            return expression.field("property").map(p -> "this." + p.text());
        }
        return Optional.empty();
    }

    @Override
    public List<SyntaxNode> assignedValues(SyntaxNode expression) {
        if (expression.is("identifier")) {
            return declaration(expression, expression.text()).map(Declaration::value).map(List::of).orElse(List.of());
        }
        Optional<String> name = boundName(expression);
        Optional<SyntaxNode> type = expression.ancestor("class_declaration", "class", "abstract_class_declaration");
        if (name.isEmpty() || type.isEmpty()) {
            return List.of();
        }
        String field = name.get().substring("this.".length());
        var values = new ArrayList<SyntaxNode>();
        PythonFacts.walk(type.get(), n -> {
            if ((n.is("public_field_definition") || n.is("field_definition"))
                    && n.field("name").map(f -> f.textIs(field)).orElse(false)) {
                n.field("value").ifPresent(values::add);
                n.field("type").ifPresent(values::add);
            } else if (n.is("assignment_expression") && n.field("left").flatMap(this::boundName)
                    .map(b -> b.equals(name.get())).orElse(false)) {
                n.field("right").ifPresent(values::add);
            } else if (n.is("required_parameter") && n.childOfType("accessibility_modifier").isPresent()
                    && n.field("pattern").map(p -> p.textIs(field)).orElse(false)) {
                n.field("type").ifPresent(values::add);
            }
        });
        return values;
    }

    @Override
    public boolean isFunction(SyntaxNode node) {
        return node.is("function_declaration") || node.is("method_definition");
    }

    @Override
    public List<SyntaxNode> functionsCalled(SyntaxNode callee) {
        if (callee.is("member_expression") && callee.field("object").map(this::isSelf).orElse(false)) {
            String name = callee.field("property").map(SyntaxNode::text).orElse("");
            Optional<SyntaxNode> body = callee.ancestor("class_body");
            return body.map(b -> b.namedChildren().stream().filter(m -> m.is("method_definition")
                    && m.field("name").map(n -> n.textIs(name)).orElse(false)).toList()).orElse(List.of());
        }
        if (callee.is("identifier")) {
            return declaration(callee, callee.text()).map(Declaration::at).filter(d -> d.is("function_declaration"))
                    .map(List::of).orElse(List.of());
        }
        return List.of();
    }

    @Override
    public boolean decorated(SyntaxNode function, Predicate<String> test) {
        return function.namedChildren().stream().filter(n -> n.is("decorator")).anyMatch(d -> test.test(d.text()));
    }

    @Override
    public List<SyntaxNode> references(SyntaxNode function) {
        Optional<String> name = functionName(function);
        if (name.isEmpty()) {
            return List.of();
        }
        boolean method = function.is("method_definition");
        SyntaxNode scope = method ? function.ancestor("class_body").orElse(root) : root;
        var found = new ArrayList<SyntaxNode>();
        PythonFacts.walk(scope, n -> {
            if (function.contains(n)) {
                return;
            }
            if (method && n.is("member_expression") && n.field("object").map(this::isSelf).orElse(false)
                    && n.field("property").map(p -> p.textIs(name.get())).orElse(false)) {
                found.add(n);
            } else if (!method && n.is("identifier") && n.textIs(name.get())) {
                found.add(n);
            }
        });
        return found;
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
        if (expression.is("string") || expression.is("template_string")) {
            return List.of(expression);
        }
        if (expression.is("identifier")) {
            return declaration(expression, expression.text()).map(Declaration::value)
                    .filter(v -> v.is("string") || v.is("template_string")).map(List::of).orElse(List.of());
        }
        return List.of();
    }

    /** The declaration a name read at {@code use} refers to, innermost first. */
    private Optional<Declaration> declaration(SyntaxNode use, String name) {
        for (SyntaxNode at = use.parentOrNull(); at != null; at = at.parentOrNull()) {
            if (FUNCTIONS.contains(at.type())) {
                SyntaxNode function = at;
                Optional<SyntaxNode> parameters = at.field("parameters").or(() -> function.field("parameter"));
                if (parameters.isPresent()) {
                    Optional<Declaration> parameter = parameter(parameters.get(), name);
                    if (parameter.isPresent()) {
                        return parameter;
                    }
                }
            }
            if (BLOCKS.contains(at.type()) || at.is("program")) {
                for (SyntaxNode statement : at.namedChildren()) {
                    Optional<Declaration> declared = declared(statement, name);
                    if (declared.isPresent()) {
                        return declared;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Declaration> parameter(SyntaxNode parameters, String name) {
        if (parameters.is("identifier")) {
            return parameters.textIs(name) ? Optional.of(new Declaration(parameters, null, null, null)) : Optional.empty();
        }
        for (SyntaxNode p : parameters.namedChildren()) {
            Optional<SyntaxNode> pattern = p.field("pattern").or(() -> p.is("identifier") ? Optional.of(p) : Optional.empty());
            if (pattern.isPresent() && pattern.get().textIs(name)) {
                return Optional.of(new Declaration(pattern.get(), p.field("value").orElse(null),
                        p.field("type").orElse(null), null));
            }
        }
        return Optional.empty();
    }

    private Optional<Declaration> declared(SyntaxNode statement, String name) {
        SyntaxNode s = statement.is("export_statement") ? statement.namedChildren().stream().findFirst().orElse(statement)
                : statement;
        switch (s.type()) {
            case "lexical_declaration", "variable_declaration" -> {
                for (SyntaxNode declarator : s.namedChildren()) {
                    if (declarator.is("variable_declarator")
                            && declarator.field("name").map(n -> n.textIs(name)).orElse(false)) {
                        SyntaxNode value = declarator.field("value").orElse(null);
                        String required = value != null && value.is("call_expression")
                                && value.field("function").map(f -> f.textIs("require")).orElse(false)
                                ? arguments(value).stream().findFirst().map(a -> unquote(a.text())).orElse(null) : null;
                        return Optional.of(new Declaration(declarator, value, declarator.field("type").orElse(null), required));
                    }
                }
                return Optional.empty();
            }
            case "function_declaration", "class_declaration", "generator_function_declaration" -> {
                return s.field("name").filter(n -> n.textIs(name)).map(n -> new Declaration(s, null, null, null));
            }
            case "import_statement" -> {
                return imported(s, name);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Optional<Declaration> imported(SyntaxNode statement, String name) {
        String module = statement.field("source").map(src -> unquote(src.text())).orElse("");
        Optional<SyntaxNode> clause = statement.childOfType("import_clause");
        if (clause.isEmpty()) {
            return Optional.empty();
        }
        for (SyntaxNode part : clause.get().namedChildren()) {
            if (part.is("identifier") && part.textIs(name)) {
                return Optional.of(new Declaration(part, null, null, module + ".default"));
            }
            if (part.is("namespace_import") && part.namedChildren().stream().anyMatch(n -> n.textIs(name))) {
                return Optional.of(new Declaration(part, null, null, module));
            }
            if (part.is("named_imports")) {
                for (SyntaxNode specifier : part.namedChildren()) {
                    String imported = specifier.field("name").map(SyntaxNode::text).orElse("");
                    String local = specifier.field("alias").map(SyntaxNode::text).orElse(imported);
                    if (local.equals(name)) {
                        return Optional.of(new Declaration(specifier, null, null, module + "." + imported));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SyntaxNode> last(SyntaxNode node) {
        List<SyntaxNode> named = node.namedChildren();
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(named.size() - 1));
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'' || text.charAt(0) == '`')) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
