package dev.gptoss.bench.context;

import dev.gptoss.ls.syntax.QueryCapture;
import dev.gptoss.ls.syntax.SyntaxTree;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cursors placed right after {@code receiver.} in real code, where the receiver's declared type is
 * defined in another file of the code base, and which file that is. The answer key is worked out
 * here with deliberately plain rules that do not share code with the server's resolution: a
 * receiver declared once in its file with a simple type name; the type imported from a module
 * path (Java: an explicit single-type import or a class of the same directory; Python: {@code from
 * module import Type}; TypeScript: {@code import { Type } from './relative'}) whose file declares
 * the type itself. Cursors whose answer these rules cannot pin down are not generated.
 */
final class ReceiverCursors {
    /** One cursor: the document as the user would see it while typing, and the file it needs. */
    record Cursor(Path file, String languageId, String text, int offset, String typeName, Path needed,
                  String receiver) {
    }

    /** A name declared once in its file, where, and with which type (null: none that this benchmark can tell). */
    private record Declaration(String name, String type, int offset) {
    }

    private record Receiver(String name, boolean onSelf, int dotOffset) {
    }

    private static final String JAVA_RECEIVERS = """
            (method_invocation object: (identifier) @recv)
            (method_invocation object: (field_access object: (this) field: (identifier) @self))
            """;
    private static final String JAVA_DECLARATIONS = """
            (field_declaration type: (type_identifier) @type declarator: (variable_declarator name: (identifier) @name))
            (field_declaration type: (generic_type (type_identifier) @type) declarator: (variable_declarator name: (identifier) @name))
            (local_variable_declaration type: (type_identifier) @type declarator: (variable_declarator name: (identifier) @name))
            (local_variable_declaration type: (generic_type (type_identifier) @type) declarator: (variable_declarator name: (identifier) @name))
            (formal_parameter type: (type_identifier) @type name: (identifier) @name)
            (formal_parameter type: (generic_type (type_identifier) @type) name: (identifier) @name)
            """;
    private static final String PYTHON_RECEIVERS = """
            (call function: (attribute object: (identifier) @recv))
            (call function: (attribute object: (attribute object: (identifier) @selfobj attribute: (identifier) @self)))
            """;
    private static final String PYTHON_DECLARATIONS = """
            (assignment left: (attribute object: (identifier) @selfobj attribute: (identifier) @selfname) right: (call function: (identifier) @type))
            (assignment left: (identifier) @name right: (call function: (identifier) @type))
            (typed_parameter (identifier) @name type: (type (identifier) @type))
            (typed_default_parameter name: (identifier) @name type: (type (identifier) @type))
            (assignment left: (identifier) @name)
            (assignment left: (attribute object: (identifier) @selfobj attribute: (identifier) @selfname))
            (for_statement left: (identifier) @name)
            (parameters (identifier) @name)
            (default_parameter name: (identifier) @name)
            """;
    private static final String TS_RECEIVERS = """
            (call_expression function: (member_expression object: (identifier) @recv))
            (call_expression function: (member_expression object: (member_expression object: (this) property: (property_identifier) @self)))
            """;
    private static final String TS_DECLARATIONS = """
            (required_parameter pattern: (identifier) @name type: (type_annotation (type_identifier) @type))
            (required_parameter pattern: (identifier) @name type: (type_annotation (generic_type name: (type_identifier) @type)))
            (optional_parameter pattern: (identifier) @name type: (type_annotation (type_identifier) @type))
            (public_field_definition name: (property_identifier) @name type: (type_annotation (type_identifier) @type))
            (public_field_definition name: (property_identifier) @name type: (type_annotation (generic_type name: (type_identifier) @type)))
            (variable_declarator name: (identifier) @name type: (type_annotation (type_identifier) @type))
            (variable_declarator name: (identifier) @name type: (type_annotation (generic_type name: (type_identifier) @type)))
            (variable_declarator name: (identifier) @name value: (new_expression constructor: (identifier) @type))
            (variable_declarator name: (identifier) @name)
            (required_parameter pattern: (identifier) @name)
            (shorthand_property_identifier_pattern) @name
            (arrow_function parameter: (identifier) @name)
            (for_in_statement left: (identifier) @name)
            """;

    private final SyntaxTrees trees;
    private final Path root;
    private final String languageId;

    ReceiverCursors(SyntaxTrees trees, Path root, String languageId) {
        this.trees = trees;
        this.root = root;
        this.languageId = languageId;
    }

    /** The cursors of one file, at most {@code max}, first in the file first. */
    List<Cursor> in(Path file, int max) throws java.io.IOException {
        String text = Files.readString(file);
        Optional<SyntaxTree> parsed = trees.parse(languageId, text);
        if (parsed.isEmpty()) {
            return List.of();
        }
        SyntaxTree tree = parsed.get();
        Map<String, Declaration> declared = declarations(tree);
        var cursors = new ArrayList<Cursor>();
        var used = new java.util.HashSet<String>();
        for (Receiver receiver : receivers(tree)) {
            if (cursors.size() >= max) {
                break;
            }
            Declaration d = declared.get((receiver.onSelf() ? "self." : "") + receiver.name());
            if (d == null || d.type() == null || d.offset() > receiver.dotOffset() || !used.add(receiver.name())
                    || declaresType(text, d.type()) || text.charAt(receiver.dotOffset()) != '.') {
                continue;
            }
            Optional<Path> needed = neededFile(file, text, d.type());
            if (needed.isEmpty()) {
                continue;
            }
            int cursor = receiver.dotOffset() + 1;
            int lineEnd = cursor;
            while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            String typing = text.substring(0, cursor) + text.substring(lineEnd);
            cursors.add(new Cursor(file, languageId, typing, cursor, d.type(), needed.get(),
                    (receiver.onSelf() ? (languageId.equals("python") ? "self." : "this.") : "") + receiver.name() + "."));
        }
        return cursors;
    }

    private List<Receiver> receivers(SyntaxTree tree) {
        String query = switch (languageId) {
            case "java" -> JAVA_RECEIVERS;
            case "python" -> PYTHON_RECEIVERS;
            default -> TS_RECEIVERS;
        };
        var found = new ArrayList<Receiver>();
        String selfObject = null;
        for (QueryCapture c : trees.query(tree, query)) {
            switch (c.name()) {
                case "recv" -> found.add(new Receiver(tree.textOf(c.node()), false, c.endOffset()));
                case "selfobj" -> selfObject = tree.textOf(c.node());
                case "self" -> {
                    if (!languageId.equals("python") || "self".equals(selfObject)) {
                        found.add(new Receiver(tree.textOf(c.node()), true, c.endOffset()));
                    }
                }
                default -> { }
            }
        }
        found.sort(java.util.Comparator.comparingInt(Receiver::dotOffset));
        return found;
    }

    /**
     * Names declared exactly once in the file (a parameter, a local, a field, a {@code self.x}
     * assignment), with their type; a name declared twice, or with a type these rules cannot
     * tell (destructured, assigned from a call), maps to a null type.
     */
    private Map<String, Declaration> declarations(SyntaxTree tree) {
        String query = switch (languageId) {
            case "java" -> JAVA_DECLARATIONS;
            case "python" -> PYTHON_DECLARATIONS;
            default -> TS_DECLARATIONS;
        };
        var byName = new HashMap<String, Map<Integer, String>>();
        String name = null;
        String type = null;
        int offset = -1;
        String selfObject = null;
        int match = -1;
        for (QueryCapture c : trees.query(tree, query)) {
            if (c.match() != match) {
                remember(byName, name, type, offset);
                name = null;
                type = null;
                match = c.match();
            }
            switch (c.name()) {
                case "name" -> {
                    name = tree.textOf(c.node());
                    offset = c.startOffset();
                }
                case "selfobj" -> selfObject = tree.textOf(c.node());
                case "selfname" -> {
                    name = "self".equals(selfObject) ? "self." + tree.textOf(c.node()) : null;
                    offset = c.startOffset();
                }
                case "type" -> type = tree.textOf(c.node());
                default -> { }
            }
        }
        remember(byName, name, type, offset);
        var declared = new HashMap<String, Declaration>();
        byName.forEach((n, at) -> {
            if (at.size() == 1) {
                var only = at.entrySet().iterator().next();
                String t = only.getValue();
                declared.put(n, new Declaration(n, t == null || t.isEmpty() || !typeLike(t) ? null : t, only.getKey()));
            }
        });
        if (!languageId.equals("python")) {
            // In Java and TypeScript a field is reached as this.name and as name alike.
            for (var d : List.copyOf(declared.values())) {
                declared.putIfAbsent("self." + d.name(), d);
            }
        }
        return declared;
    }

    /** A declaration at {@code offset}; the same declaration seen by a typed and an untyped pattern keeps its type. */
    private static void remember(Map<String, Map<Integer, String>> byName, String name, String type, int offset) {
        if (name == null) {
            return;
        }
        byName.computeIfAbsent(name, n -> new HashMap<>()).merge(offset, type == null ? "" : type,
                (a, b) -> a.isEmpty() ? b : a);
    }

    private static boolean typeLike(String type) {
        return !type.isEmpty() && Character.isUpperCase(type.charAt(0)) && !type.equals("String")
                && !type.equals("Object");
    }

    private boolean declaresType(String text, String type) {
        return typeDeclaration(type).matcher(text).find();
    }

    Pattern typeDeclaration(String type) {
        String keywords = switch (languageId) {
            case "java" -> "(class|interface|enum|record|@interface)";
            case "python" -> "(class)";
            default -> "(class|interface|type|enum)";
        };
        return Pattern.compile("(?m)^[ \\t]*(export\\s+)?(default\\s+)?(declare\\s+)?(abstract\\s+)?"
                + "((public|protected|private|static|final|sealed|non-sealed|abstract)\\s+)*" + keywords
                + "\\s+" + Pattern.quote(type) + "\\b");
    }

    private Optional<Path> neededFile(Path file, String text, String type) {
        Optional<Path> candidate = switch (languageId) {
            case "java" -> javaFile(file, text, type);
            case "python" -> pythonFile(file, text, type);
            default -> typescriptFile(file, text, type);
        };
        return candidate.filter(Files::isRegularFile).filter(p -> !p.equals(file)).filter(p -> {
            try {
                return declaresType(Files.readString(p), type);
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    private Optional<Path> javaFile(Path file, String text, String type) {
        var imported = Pattern.compile("(?m)^import\\s+([\\w.]+)\\." + Pattern.quote(type) + "\\s*;").matcher(text);
        if (imported.find()) {
            Path path = root;
            for (String part : imported.group(1).split("\\.")) {
                path = path.resolve(part);
            }
            return Optional.of(path.resolve(type + ".java"));
        }
        return Optional.of(file.resolveSibling(type + ".java"));
    }

    private Optional<Path> pythonFile(Path file, String text, String type) {
        var imported = Pattern.compile("(?m)^from\\s+(\\.*)([\\w.]*)\\s+import\\s+(\\(?[^)\\n]*\\b"
                + Pattern.quote(type) + "\\b)").matcher(text);
        if (!imported.find() || imported.group(3).contains(" as " + type)) {
            return Optional.empty();
        }
        Path base = root;
        if (!imported.group(1).isEmpty()) {
            base = file.getParent();
            for (int i = 1; i < imported.group(1).length(); i++) {
                base = base.getParent();
            }
        }
        Path module = base;
        for (String part : imported.group(2).split("\\.")) {
            if (!part.isEmpty()) {
                module = module.resolve(part);
            }
        }
        Path plain = module.resolveSibling(module.getFileName() + ".py");
        return Optional.of(Files.isRegularFile(plain) ? plain : module.resolve("__init__.py"));
    }

    private Optional<Path> typescriptFile(Path file, String text, String type) {
        var imported = Pattern.compile("import\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*['\"](\\.[^'\"]*)['\"]")
                .matcher(text);
        while (imported.find()) {
            boolean named = false;
            for (String part : imported.group(2).split(",")) {
                named |= part.strip().replaceFirst("^type\\s+", "").equals(type);
            }
            if (!named) {
                continue;
            }
            Path base = file.getParent().resolve(imported.group(3)).normalize();
            for (String candidate : List.of(base.getFileName() + ".ts", base.getFileName() + ".tsx")) {
                Path p = base.resolveSibling(candidate);
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
            return Optional.of(base.resolve("index.ts"));
        }
        return Optional.empty();
    }
}
