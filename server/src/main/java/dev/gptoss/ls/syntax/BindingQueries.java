package dev.gptoss.ls.syntax;

import java.util.Map;
import java.util.Optional;

/**
 * Per-language tree-sitter queries for {@link Binding}s: {@code @name} the declared name,
 * {@code @type} its type (or the class a value is made from), {@code @member} marks a field,
 * {@code @object} the object of an attribute assignment (a member when it is {@code self}).
 */
final class BindingQueries {
    private static final String JAVA = """
            (field_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name)) @member
            (local_variable_declaration type: (_) @type declarator: (variable_declarator name: (identifier) @name))
            (local_variable_declaration declarator: (variable_declarator name: (identifier) @name value: (object_creation_expression type: (_) @type)))
            (formal_parameter type: (_) @type name: (identifier) @name)
            (spread_parameter (_) @type (variable_declarator name: (identifier) @name))
            (enhanced_for_statement type: (_) @type name: (identifier) @name)
            (catch_formal_parameter (catch_type) @type name: (identifier) @name)
            (resource type: (_) @type name: (identifier) @name)
            (record_declaration parameters: (formal_parameters (formal_parameter type: (_) @type name: (identifier) @name))) @member
            """;
    private static final String PYTHON = """
            (assignment left: (attribute object: (identifier) @object attribute: (identifier) @name) right: (call function: (_) @made))
            (assignment left: (attribute object: (identifier) @object attribute: (identifier) @name) type: (type) @type)
            (assignment left: (identifier) @name right: (call function: (_) @made))
            (assignment left: (identifier) @name type: (type) @type)
            (typed_parameter (identifier) @name type: (type) @type)
            (typed_default_parameter name: (identifier) @name type: (type) @type)
            (with_item value: (as_pattern (call function: (_) @made) alias: (as_pattern_target (identifier) @name)))
            (class_definition body: (block (expression_statement (assignment left: (identifier) @name type: (type) @type)) @member))
            """;
    private static final String TYPESCRIPT = """
            (required_parameter (accessibility_modifier) pattern: (identifier) @name type: (type_annotation (_) @type)) @member
            (required_parameter pattern: (identifier) @name type: (type_annotation (_) @type))
            (optional_parameter pattern: (identifier) @name type: (type_annotation (_) @type))
            (public_field_definition name: (property_identifier) @name type: (type_annotation (_) @type)) @member
            (public_field_definition name: (property_identifier) @name value: (new_expression constructor: (_) @type)) @member
            (variable_declarator name: (identifier) @name type: (type_annotation (_) @type))
            (variable_declarator name: (identifier) @name value: (new_expression constructor: (_) @type))
            (variable_declarator name: (identifier) @name value: (await_expression (new_expression constructor: (_) @type)))
            (assignment_expression left: (member_expression object: (this) property: (property_identifier) @name) right: (new_expression constructor: (_) @type)) @member
            """;
    private static final String JAVASCRIPT = """
            (field_definition property: (property_identifier) @name value: (new_expression constructor: (_) @type)) @member
            (variable_declarator name: (identifier) @name value: (new_expression constructor: (_) @type))
            (assignment_expression left: (member_expression object: (this) property: (property_identifier) @name) right: (new_expression constructor: (_) @type)) @member
            """;
    private static final String GO = """
            (parameter_declaration name: (identifier) @name type: (_) @type)
            (var_spec name: (identifier) @name type: (_) @type)
            (short_var_declaration left: (expression_list . (identifier) @name) right: (expression_list . (composite_literal type: (_) @type)))
            (short_var_declaration left: (expression_list . (identifier) @name) right: (expression_list . (unary_expression operand: (composite_literal type: (_) @type))))
            (field_declaration name: (field_identifier) @name type: (_) @type) @member
            """;
    private static final String RUST = """
            (parameter pattern: (identifier) @name type: (_) @type)
            (let_declaration pattern: (identifier) @name type: (_) @type)
            (let_declaration pattern: (identifier) @name value: (call_expression function: (scoped_identifier path: (_) @made)))
            (let_declaration pattern: (identifier) @name value: (struct_expression name: (_) @type))
            (field_declaration name: (field_identifier) @name type: (_) @type) @member
            """;
    private static final Map<String, String> BY_LANGUAGE =
            DefinitionQueries.byLanguage(PYTHON, JAVA, JAVASCRIPT, TYPESCRIPT, GO, RUST);

    private BindingQueries() {
    }

    static Optional<String> forLanguage(String languageId) {
        return Optional.ofNullable(BY_LANGUAGE.get(languageId));
    }
}
