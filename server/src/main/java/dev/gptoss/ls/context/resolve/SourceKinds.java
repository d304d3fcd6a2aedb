package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.Grammars;
import java.util.Set;
import java.util.regex.Pattern;

/** Which files and definitions belong together: languages that can use each other, tests, types. */
public final class SourceKinds {
    private static final Pattern TEST_FILE = Pattern.compile(
            ".*_test\\.go|test_.*\\.py|.*_test\\.py|conftest\\.py|.*\\.(test|spec)\\.[cm]?[jt]sx?|.*Tests?\\.java");
    private static final Pattern TEST_DIRECTORY = Pattern.compile("/(test|tests|__tests__|spec|specs|testdata|src/test)/");
    private static final Set<String> TYPE_KINDS = Set.of("class_declaration", "interface_declaration",
            "enum_declaration", "record_declaration", "annotation_type_declaration", "class_definition",
            "abstract_class_declaration", "type_alias_declaration", "struct_item", "enum_item", "trait_item",
            "type_item", "impl_item", "type_declaration", "union_item");

    private SourceKinds() {
    }

    /** Test sources, by the conventions of each language's tools. */
    public static boolean isTest(String uri) {
        String name = Uris.fileName(uri);
        return TEST_FILE.matcher(name).matches() || TEST_DIRECTORY.matcher(uri).find();
    }

    /** Languages whose files can use each other's definitions: TypeScript and JavaScript are one. */
    public static String family(String languageId) {
        return switch (languageId) {
            case "typescript", "typescriptreact", "javascript", "javascriptreact" -> "ecmascript";
            default -> languageId;
        };
    }

    static String familyOfFile(String uri) {
        return Grammars.languageOfFile(Uris.fileName(uri)).map(SourceKinds::family).orElse("");
    }

    /** A class, interface, struct, trait, impl block or type alias: what a receiver can be. */
    public static boolean isType(Definition d) {
        return TYPE_KINDS.contains(d.kind());
    }
}
