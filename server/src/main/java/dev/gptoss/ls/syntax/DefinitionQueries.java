package dev.gptoss.ls.syntax;

import java.util.Map;
import java.util.Optional;

/**
 * Per-language tree-sitter queries: {@code @definition} is the whole definition, {@code @name} its
 * name, {@code @import} an import statement. Local variables are left out on purpose: only names
 * another file or another function could refer to.
 */
final class DefinitionQueries {
    private static final String PYTHON = """
            (function_definition name: (identifier) @name) @definition
            (class_definition name: (identifier) @name) @definition
            (module (expression_statement (assignment left: (identifier) @name)) @definition)
            (import_statement) @import
            (import_from_statement) @import
            """;
    private static final String JAVA = """
            (class_declaration name: (identifier) @name) @definition
            (interface_declaration name: (identifier) @name) @definition
            (enum_declaration name: (identifier) @name) @definition
            (record_declaration name: (identifier) @name) @definition
            (method_declaration name: (identifier) @name) @definition
            (constructor_declaration name: (identifier) @name) @definition
            (field_declaration declarator: (variable_declarator name: (identifier) @name)) @definition
            (import_declaration) @import
            """;
    private static final String JAVASCRIPT = """
            (function_declaration name: (identifier) @name) @definition
            (class_declaration name: (identifier) @name) @definition
            (method_definition name: (property_identifier) @name) @definition
            (program (lexical_declaration (variable_declarator name: (identifier) @name)) @definition)
            (export_statement (lexical_declaration (variable_declarator name: (identifier) @name)) @definition)
            (import_statement) @import
            (export_statement source: (string)) @import
            """;
    private static final String TYPESCRIPT = """
            (function_declaration name: (identifier) @name) @definition
            (class_declaration name: (type_identifier) @name) @definition
            (abstract_class_declaration name: (type_identifier) @name) @definition
            (interface_declaration name: (type_identifier) @name) @definition
            (type_alias_declaration name: (type_identifier) @name) @definition
            (enum_declaration name: (identifier) @name) @definition
            (method_definition name: (property_identifier) @name) @definition
            (program (lexical_declaration (variable_declarator name: (identifier) @name)) @definition)
            (export_statement (lexical_declaration (variable_declarator name: (identifier) @name)) @definition)
            (import_statement) @import
            (export_statement source: (string)) @import
            """;
    private static final String GO = """
            (function_declaration name: (identifier) @name) @definition
            (method_declaration name: (field_identifier) @name) @definition
            (type_declaration (type_spec name: (type_identifier) @name)) @definition
            (source_file (const_declaration (const_spec name: (identifier) @name)) @definition)
            (source_file (var_declaration (var_spec name: (identifier) @name)) @definition)
            (import_declaration) @import
            """;
    private static final String RUST = """
            (function_item name: (identifier) @name) @definition
            (function_signature_item name: (identifier) @name) @definition
            (struct_item name: (type_identifier) @name) @definition
            (enum_item name: (type_identifier) @name) @definition
            (trait_item name: (type_identifier) @name) @definition
            (type_item name: (type_identifier) @name) @definition
            (const_item name: (identifier) @name) @definition
            (static_item name: (identifier) @name) @definition
            (impl_item type: (type_identifier) @name) @definition
            (use_declaration) @import
            """;
    private static final Map<String, String> BY_LANGUAGE = byLanguage(PYTHON, JAVA, JAVASCRIPT, TYPESCRIPT, GO, RUST);

    /**
     * One query per LSP language id. The tsx grammar is TypeScript's plus JSX expressions, and JSX
     * JavaScript's: the same node names, the same queries.
     */
    static Map<String, String> byLanguage(String python, String java, String javascript, String typescript, String go,
                                          String rust) {
        return Map.of("python", python, "java", java, "javascript", javascript, "javascriptreact", javascript,
                "typescript", typescript, "typescriptreact", typescript, "go", go, "rust", rust);
    }

    private DefinitionQueries() {
    }

    static Optional<String> forLanguage(String languageId) {
        return Optional.ofNullable(BY_LANGUAGE.get(languageId));
    }
}
