package dev.gptoss.ls.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@link CodeFacts} for Python, after Python's scoping: a name is local to the function that binds
 * it anywhere, class bodies are not seen from their methods, comprehensions belong to their
 * function, and an unbound name that Python provides is a builtin.
 */
final class PythonFacts extends MemoFacts {
    private static final int MAX_DEPTH = 6;
    private static final Set<String> SCOPES = Set.of("module", "function_definition", "lambda", "class_definition");
    private static final Set<String> FUNCTIONS = Set.of("function_definition", "lambda");
    private static final Set<String> BUILTINS = Set.of("open", "print", "input", "exec", "eval", "compile",
            "hash", "id", "len", "str", "repr", "bytes", "int", "float", "dict", "list", "set", "tuple", "type",
            "iter", "next", "sorted", "map", "filter", "zip", "range", "enumerate", "isinstance", "getattr",
            "setattr", "hasattr", "vars", "dir", "sum", "min", "max", "abs", "any", "all", "round", "format",
            "Exception", "BaseException", "ValueError", "KeyError", "OSError", "RuntimeError", "TypeError",
            "__import__", "breakpoint", "memoryview", "bytearray", "object", "super", "property", "staticmethod",
            "classmethod");
    /** Expressions whose value is derived from a child's value, for following values upward. */
    private static final Set<String> CARRIERS = Set.of("binary_operator", "parenthesized_expression",
            "interpolation", "string", "concatenated_string", "keyword_argument", "tuple", "list", "set",
            "dictionary", "pair", "conditional_expression", "await", "subscript", "expression_list", "call",
            "attribute", "argument_list", "boolean_operator", "format_expression");

    private enum Kind { IMPORT, DEFINITION, ASSIGNMENT, CONTEXT, PARAMETER, OTHER }

    /**
     * @param value what was assigned, the with-item's context expression, or null
     * @param annotation a declared type, or null
     * @param target for imports, the qualified name bound
     */
    private record Binding(Kind kind, SyntaxNode at, SyntaxNode value, SyntaxNode annotation, String target) {
    }

    private record Scope(Map<String, List<Binding>> names, Set<String> globals) {
    }

    private final SyntaxNode root;
    private final Map<SyntaxNode, Scope> scopes = new ConcurrentHashMap<>();
    private final Map<SyntaxNode, Optional<String>> qualified = new ConcurrentHashMap<>();

    PythonFacts(SyntaxNode root) {
        this.root = root;
    }

    @Override
    public Optional<String> qualifiedName(SyntaxNode expression) {
        // Several rules ask about the same callee: each node is resolved once per tree.
        Optional<String> known = qualified.get(expression);
        if (known == null) {
            known = qualified(expression, 0);
            qualified.put(expression, known);
        }
        return known;
    }

    private Optional<String> qualified(SyntaxNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        switch (node.type()) {
            case "call" -> {
                return callee(node).flatMap(f -> qualified(f, depth + 1));
            }
            case "parenthesized_expression" -> {
                return inner(node).flatMap(n -> qualified(n, depth + 1));
            }
            case "attribute" -> {
                Optional<SyntaxNode> object = node.field("object");
                Optional<SyntaxNode> attribute = node.field("attribute");
                if (object.isEmpty() || attribute.isEmpty()) {
                    return Optional.empty();
                }
                return qualified(object.get(), depth + 1).map(q -> q + "." + attribute.get().text());
            }
            case "identifier" -> {
                String name = node.text();
                Optional<Binding> binding = lookup(node, name);
                if (binding.isEmpty()) {
                    return BUILTINS.contains(name) ? Optional.of("builtins." + name) : Optional.empty();
                }
                Binding b = binding.get();
                if (b.kind() == Kind.IMPORT) {
                    return Optional.of(b.target());
                }
                if (b.kind() == Kind.ASSIGNMENT && b.value() != null
                        && (b.value().is("attribute") || b.value().is("identifier"))) {
                    return qualified(b.value(), depth + 1);
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
        switch (node.type()) {
            case "call" -> {
                return qualifiedName(node).filter(made).isPresent();
            }
            case "parenthesized_expression", "await" -> {
                return inner(node).map(n -> madeBy(n, made, depth + 1)).orElse(false);
            }
            case "identifier" -> {
                for (Binding b : bindings(node, node.text())) {
                    if (b.annotation() != null && annotationMatches(b.annotation(), made)
                            || b.value() != null && madeBy(b.value(), made, depth + 1)) {
                        return true;
                    }
                }
                return false;
            }
            case "attribute" -> {
                for (SyntaxNode value : assignedValues(node)) {
                    if (madeBy(value, made, depth + 1)) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean annotationMatches(SyntaxNode annotation, Predicate<String> made) {
        var stack = new ArrayDeque<SyntaxNode>();
        stack.push(annotation);
        while (!stack.isEmpty()) {
            SyntaxNode at = stack.pop();
            if ((at.is("attribute") || at.is("identifier")) && qualifiedName(at).filter(made).isPresent()) {
                return true;
            }
            if (!at.is("attribute")) {
                for (int i = 0; i < at.childCount(); i++) {
                    stack.push(at.child(i));
                }
            }
        }
        return false;
    }

    @Override
    public boolean inAsyncFunction(SyntaxNode node) {
        for (SyntaxNode at = node.parentOrNull(); at != null; at = at.parentOrNull()) {
            switch (at.type()) {
                case "function_definition" -> {
                    return at.childOfType("async").isPresent();
                }
                case "lambda", "class_definition", "module" -> {
                    return false;
                }
                default -> {
                    // comprehensions and blocks belong to the function around them
                }
            }
        }
        return false;
    }

    @Override
    public Optional<SyntaxNode> enclosingFunction(SyntaxNode node) {
        return node.ancestor("function_definition");
    }

    @Override
    public Optional<String> functionName(SyntaxNode function) {
        return function.field("name").map(SyntaxNode::text);
    }

    @Override
    public boolean hasKeyword(SyntaxNode arguments, List<String> names) {
        for (SyntaxNode argument : arguments.namedChildren()) {
            if (argument.is("dictionary_splat")) {
                return true;
            }
            if (argument.is("keyword_argument")
                    && argument.field("name").map(n -> names.contains(n.text())).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean reachesCall(SyntaxNode expression, Predicate<String> sink) {
        return reaches(expression, sink, 0);
    }

    private boolean reaches(SyntaxNode node, Predicate<String> sink, int depth) {
        if (depth > 3) {
            return false;
        }
        SyntaxNode at = node;
        for (SyntaxNode parent = at.parentOrNull(); parent != null; at = parent, parent = parent.parentOrNull()) {
            if (parent.is("argument_list") && parent.parentOrNull() != null && parent.parentOrNull().is("call")
                    && qualifiedName(parent.parentOrNull()).filter(sink).isPresent()) {
                return true;
            }
            if (parent.is("assignment") && parent.field("right").map(at::equals).orElse(false)) {
                SyntaxNode target = parent.field("left").orElse(null);
                if (target == null || !target.is("identifier")) {
                    return false;
                }
                for (SyntaxNode use : usesAfter(parent, target.text())) {
                    if (reaches(use, sink, depth + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (!CARRIERS.contains(parent.type())) {
                return false;
            }
        }
        return false;
    }

    /** Reads of {@code name} after {@code statement}, in the same function (or module). */
    private List<SyntaxNode> usesAfter(SyntaxNode statement, String name) {
        SyntaxNode scope = scopeOf(statement);
        var uses = new ArrayList<SyntaxNode>();
        var stack = new ArrayDeque<SyntaxNode>();
        stack.push(scope);
        while (!stack.isEmpty()) {
            SyntaxNode at = stack.pop();
            if (at.is("identifier") && at.start() >= statement.end() && at.textIs(name)) {
                uses.add(at);
            }
            for (int i = 0; i < at.childCount(); i++) {
                SyntaxNode child = at.child(i);
                if (child.end() > statement.end() && !(FUNCTIONS.contains(child.type()) && child != scope)) {
                    stack.push(child);
                }
            }
        }
        return uses;
    }

    @Override
    public boolean chainHas(SyntaxNode call, List<String> methods) {
        return CodeFacts.chainOfMembersHas(call, methods, "attribute", "attribute", "call");
    }

    @Override
    public boolean environmentDefault(SyntaxNode literal) {
        SyntaxNode at = literal;
        SyntaxNode parent = at.parentOrNull();
        if (parent != null && parent.is("keyword_argument")) {
            at = parent;
            parent = parent.parentOrNull();
        }
        if (parent != null && parent.is("argument_list") && parent.parentOrNull() != null) {
            return environmentLookup(parent.parentOrNull());
        }
        if (parent != null && parent.is("boolean_operator") && parent.field("right").map(literal::equals).orElse(false)) {
            return parent.field("left").filter(this::isCall).map(this::environmentLookup).orElse(false);
        }
        return false;
    }

    private boolean environmentLookup(SyntaxNode call) {
        return qualifiedName(call).filter(q -> q.equals("os.getenv") || q.equals("os.environ.get")
                || q.equals("os.environ.setdefault") || q.endsWith(".getenv")).isPresent();
    }

    @Override
    public boolean docstring(SyntaxNode string) {
        SyntaxNode parent = string.parentOrNull();
        return parent != null && parent.is("expression_statement") && parent.namedChildren().size() == 1;
    }

    @Override
    public Optional<SyntaxNode> callee(SyntaxNode call) {
        return call.is("call") ? call.field("function") : Optional.empty();
    }

    @Override
    public boolean isCall(SyntaxNode node) {
        return node.is("call");
    }

    @Override
    public Optional<SyntaxNode> receiver(SyntaxNode callee) {
        return callee.is("attribute") ? callee.field("object") : Optional.empty();
    }

    @Override
    public Optional<String> memberName(SyntaxNode callee) {
        return callee.is("attribute") ? callee.field("attribute").map(SyntaxNode::text) : Optional.empty();
    }

    @Override
    public boolean isSelf(SyntaxNode expression) {
        return expression.is("identifier") && (expression.textIs("self") || expression.textIs("cls"));
    }

    @Override
    public Optional<String> boundName(SyntaxNode expression) {
        if (expression.is("identifier")) {
            return Optional.of(expression.text());
        }
        if (expression.is("attribute") && expression.field("object").map(this::isSelf).orElse(false)) {
            return expression.field("attribute").map(a -> "self." + a.text());
        }
        return Optional.empty();
    }

    @Override
    public List<SyntaxNode> assignedValues(SyntaxNode expression) {
        if (expression.is("identifier")) {
            return bindings(expression, expression.text()).stream().map(Binding::value).filter(v -> v != null).toList();
        }
        Optional<String> name = boundName(expression);
        if (name.isEmpty() || !name.get().startsWith("self.")) {
            return List.of();
        }
        Optional<SyntaxNode> type = expression.ancestor("class_definition");
        return type.isEmpty() ? List.of() : selfAttributes(type.get()).getOrDefault(name.get(), List.of());
    }

    @Override
    public boolean isFunction(SyntaxNode node) {
        return node.is("function_definition");
    }

    @Override
    public List<SyntaxNode> functionsCalled(SyntaxNode callee) {
        if (callee.is("attribute") && callee.field("object").map(this::isSelf).orElse(false)) {
            String name = callee.field("attribute").map(SyntaxNode::text).orElse("");
            Optional<SyntaxNode> body = callee.ancestor("class_definition").flatMap(c -> c.field("body"));
            if (body.isEmpty()) {
                return List.of();
            }
            var found = new ArrayList<SyntaxNode>();
            for (SyntaxNode member : body.get().namedChildren()) {
                SyntaxNode function = member.is("decorated_definition") ? member.field("definition").orElse(member) : member;
                if (function.is("function_definition") && function.field("name").map(n -> n.textIs(name)).orElse(false)) {
                    found.add(function);
                }
            }
            return found;
        }
        if (callee.is("identifier")) {
            return lookup(callee, callee.text()).filter(b -> b.kind() == Kind.DEFINITION && b.at().is("function_definition"))
                    .map(b -> List.of(b.at())).orElse(List.of());
        }
        return List.of();
    }

    @Override
    public boolean decorated(SyntaxNode function, Predicate<String> test) {
        SyntaxNode parent = function.parentOrNull();
        if (parent == null || !parent.is("decorated_definition")) {
            return false;
        }
        return parent.namedChildren().stream().filter(n -> n.is("decorator")).anyMatch(d -> test.test(d.text()));
    }

    @Override
    public List<SyntaxNode> references(SyntaxNode function) {
        Optional<String> name = functionName(function);
        if (name.isEmpty()) {
            return List.of();
        }
        boolean method = function.ancestor("class_definition", "function_definition")
                .map(a -> a.is("class_definition")).orElse(false);
        var found = new ArrayList<SyntaxNode>();
        walk(method ? function.ancestor("class_definition").orElseThrow() : root, node -> {
            if (function.contains(node)) {
                return;
            }
            if (method && node.is("attribute") && node.field("object").map(this::isSelf).orElse(false)
                    && node.field("attribute").map(a -> a.textIs(name.get())).orElse(false)) {
                found.add(node);
            } else if (!method && node.is("identifier") && node.textIs(name.get())
                    && !node.parent().map(p -> p.is("function_definition")).orElse(false)) {
                found.add(node);
            }
        });
        return found;
    }

    @Override
    public List<SyntaxNode> callsIn(SyntaxNode node) {
        var calls = new ArrayList<SyntaxNode>();
        walk(node, n -> {
            if (n.is("call")) {
                calls.add(n);
            }
        });
        return calls;
    }

    @Override
    public List<SyntaxNode> stringValues(SyntaxNode expression) {
        if (expression.is("string") || expression.is("concatenated_string")) {
            return List.of(expression);
        }
        if (expression.is("binary_operator")) {
            var all = new ArrayList<SyntaxNode>();
            expression.namedChildren().forEach(c -> all.addAll(stringValues(c)));
            return all;
        }
        if (expression.is("identifier") || expression.is("attribute")) {
            var all = new ArrayList<SyntaxNode>();
            for (SyntaxNode value : assignedValues(expression)) {
                if (value.is("string") || value.is("concatenated_string") || value.is("binary_operator")) {
                    all.addAll(stringValues(value));
                }
            }
            if (expression.is("identifier")) {
                lookup(expression, expression.text()).filter(b -> b.kind() == Kind.ASSIGNMENT && b.value() != null)
                        .ifPresent(b -> all.addAll(b.value().is("call") ? defaultsOf(b.value()) : List.of()));
            }
            return all;
        }
        return List.of();
    }

    /** {@code os.getenv("X", "http://...")}: the default of a lookup is a value the name can have. */
    private List<SyntaxNode> defaultsOf(SyntaxNode call) {
        return environmentLookup(call) ? arguments(call).stream().filter(a -> a.is("string")).toList() : List.of();
    }

    // --- scopes and bindings ---

    /** The binding a read of {@code name} at {@code use} sees, by Python's rules. */
    private Optional<Binding> lookup(SyntaxNode use, String name) {
        List<Binding> found = bindings(use, name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Binding chosen = found.get(0);
        for (Binding b : found) {
            if (b.at().start() <= use.start()) {
                chosen = b;
            }
        }
        return Optional.of(chosen);
    }

    /** Every binding of {@code name} in the innermost scope around {@code use} that binds it. */
    private List<Binding> bindings(SyntaxNode use, String name) {
        SyntaxNode scope = scopeOf(use);
        boolean fromFunction = false;
        while (scope != null) {
            boolean classScope = scope.is("class_definition");
            if (!(classScope && fromFunction)) {
                Scope s = scope(scope);
                if (s.globals().contains(name)) {
                    return scope(root).names().getOrDefault(name, List.of());
                }
                List<Binding> found = s.names().get(name);
                if (found != null && !found.isEmpty()) {
                    return found;
                }
            }
            fromFunction |= FUNCTIONS.contains(scope.type());
            scope = scope == root ? null : scopeOf(scope);
        }
        return List.of();
    }

    /** The scope a node's names are looked up in: a function's parameters belong to it, its name to the outside. */
    private SyntaxNode scopeOf(SyntaxNode node) {
        for (SyntaxNode at = node.parentOrNull(); at != null; at = at.parentOrNull()) {
            if (SCOPES.contains(at.type())) {
                return at;
            }
        }
        return root;
    }

    private Scope scope(SyntaxNode scopeNode) {
        Scope made = scopes.get(scopeNode);
        if (made == null) {
            made = collect(scopeNode);
            scopes.put(scopeNode, made);
        }
        return made;
    }

    private Scope collect(SyntaxNode scopeNode) {
        var names = new HashMap<String, List<Binding>>();
        var globals = new java.util.HashSet<String>();
        if (FUNCTIONS.contains(scopeNode.type())) {
            scopeNode.field("parameters").ifPresent(parameters -> parameters(parameters, names));
        }
        var stack = new ArrayDeque<SyntaxNode>();
        SyntaxNode body = scopeNode.field("body").orElse(scopeNode);
        stack.push(body);
        while (!stack.isEmpty()) {
            SyntaxNode node = stack.pop();
            switch (node.type()) {
                case "function_definition", "class_definition" -> {
                    node.field("name").ifPresent(n -> add(names, n.text(), new Binding(Kind.DEFINITION, node, null, null, null)));
                    continue;
                }
                case "lambda" -> {
                    continue;
                }
                case "import_statement" -> imports(node, null, names);
                case "import_from_statement" -> imports(node, node.field("module_name").map(SyntaxNode::text).orElse(""), names);
                case "assignment" -> assignment(node, names);
                case "named_expression" -> node.field("name").ifPresent(n ->
                        add(names, n.text(), new Binding(Kind.ASSIGNMENT, node, node.field("value").orElse(null), null, null)));
                case "with_item" -> withItem(node, names);
                case "for_statement", "for_in_clause" -> node.field("left").ifPresent(left ->
                        targets(left).forEach(t -> add(names, t.text(), new Binding(Kind.OTHER, t, null, null, null))));
                case "global_statement", "nonlocal_statement" -> node.namedChildren().stream()
                        .filter(n -> n.is("identifier")).forEach(n -> globals.add(n.text()));
                case "except_clause" -> node.field("alias").or(() -> node.field("value")
                        .filter(v -> v.is("as_pattern")).flatMap(v -> v.field("alias")))
                        .ifPresent(alias -> targets(alias).forEach(t -> add(names, t.text(), new Binding(Kind.OTHER, t, null, null, null))));
                default -> { }
            }
            for (int i = node.childCount() - 1; i >= 0; i--) {
                stack.push(node.child(i));
            }
        }
        return new Scope(names, globals);
    }

    private void parameters(SyntaxNode parameters, Map<String, List<Binding>> names) {
        for (SyntaxNode p : parameters.namedChildren()) {
            SyntaxNode name = switch (p.type()) {
                case "identifier" -> p;
                case "default_parameter", "typed_default_parameter" -> p.field("name").orElse(null);
                case "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern" ->
                        p.namedChildren().stream().filter(c -> c.is("identifier")).findFirst().orElse(null);
                default -> null;
            };
            if (name != null) {
                add(names, name.text(), new Binding(Kind.PARAMETER, name, null, p.field("type").orElse(null), null));
            }
        }
    }

    private void imports(SyntaxNode statement, String module, Map<String, List<Binding>> names) {
        for (int i = 0; i < statement.childCount(); i++) {
            if (!"name".equals(statement.fieldName(i))) {
                continue;
            }
            SyntaxNode imported = statement.child(i);
            if (imported.is("aliased_import")) {
                String dotted = imported.field("name").map(SyntaxNode::text).orElse("");
                imported.field("alias").ifPresent(alias -> add(names, alias.text(),
                        new Binding(Kind.IMPORT, alias, null, null, join(module, dotted))));
            } else if (module == null) {
                String dotted = imported.text();
                String first = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
                add(names, first, new Binding(Kind.IMPORT, imported, null, null, first));
            } else {
                add(names, imported.text(), new Binding(Kind.IMPORT, imported, null, null, join(module, imported.text())));
            }
        }
    }

    private static String join(String module, String name) {
        if (module == null || module.isEmpty()) {
            return name;
        }
        return module.endsWith(".") ? module + name : module + "." + name;
    }

    private void assignment(SyntaxNode node, Map<String, List<Binding>> names) {
        SyntaxNode left = node.field("left").orElse(null);
        SyntaxNode right = node.field("right").orElse(null);
        SyntaxNode type = node.field("type").orElse(null);
        if (left == null) {
            return;
        }
        if (left.is("identifier")) {
            add(names, left.text(), new Binding(Kind.ASSIGNMENT, left, right, type, null));
            return;
        }
        List<SyntaxNode> targets = targets(left);
        List<SyntaxNode> values = right == null ? List.of() : elements(right);
        for (int i = 0; i < targets.size(); i++) {
            SyntaxNode value = targets.size() == values.size() ? values.get(i) : null;
            if (targets.get(i).is("identifier")) {
                add(names, targets.get(i).text(), new Binding(Kind.ASSIGNMENT, targets.get(i), value, null, null));
            }
        }
    }

    private void withItem(SyntaxNode item, Map<String, List<Binding>> names) {
        SyntaxNode value = item.field("value").orElse(null);
        if (value == null || !value.is("as_pattern")) {
            return;
        }
        SyntaxNode context = value.namedChildren().isEmpty() ? null : value.namedChildren().get(0);
        value.field("alias").ifPresent(alias -> targets(alias).forEach(t ->
                add(names, t.text(), new Binding(Kind.CONTEXT, t, context, null, null))));
    }

    private static List<SyntaxNode> targets(SyntaxNode left) {
        if (left.is("identifier")) {
            return List.of(left);
        }
        var found = new ArrayList<SyntaxNode>();
        for (SyntaxNode child : left.namedChildren()) {
            if (child.is("identifier")) {
                found.add(child);
            } else if (child.is("tuple_pattern") || child.is("pattern_list") || child.is("as_pattern_target")
                    || child.is("list_pattern")) {
                found.addAll(targets(child));
            }
        }
        return found;
    }

    private static List<SyntaxNode> elements(SyntaxNode right) {
        if (right.is("tuple") || right.is("expression_list") || right.is("list")) {
            return right.namedChildren();
        }
        return List.of(right);
    }

    private static void add(Map<String, List<Binding>> names, String name, Binding binding) {
        names.computeIfAbsent(name, n -> new ArrayList<>(1)).add(binding);
    }

    /** {@code self.x = value} anywhere in a class's methods, by attribute; read once per class. */
    private Map<String, List<SyntaxNode>> selfAttributes(SyntaxNode type) {
        return memo("self-attributes@" + type.start(), () -> {
            var map = new HashMap<String, List<SyntaxNode>>();
            walk(type, node -> {
                if (node.is("assignment")) {
                    node.field("left").filter(l -> l.is("attribute")).ifPresent(left -> boundName(left)
                            .filter(n -> n.startsWith("self."))
                            .ifPresent(name -> node.field("right").ifPresent(right ->
                                    map.computeIfAbsent(name, k -> new ArrayList<>()).add(right))));
                }
            });
            return map;
        });
    }

    private static Optional<SyntaxNode> inner(SyntaxNode node) {
        List<SyntaxNode> named = node.namedChildren();
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(named.size() - 1));
    }

    static void walk(SyntaxNode top, java.util.function.Consumer<SyntaxNode> visit) {
        var stack = new ArrayDeque<SyntaxNode>();
        stack.push(top);
        while (!stack.isEmpty()) {
            SyntaxNode node = stack.pop();
            visit.accept(node);
            for (int i = node.childCount() - 1; i >= 0; i--) {
                stack.push(node.child(i));
            }
        }
    }
}
