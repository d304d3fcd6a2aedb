package dev.gptoss.ls.syntax;

import java.util.List;

/** The definitions and import statements of one version of a file. */
public record FileOutline(String path, String languageId, int version, List<Definition> definitions,
                          List<String> imports) {
    public FileOutline {
        definitions = List.copyOf(definitions);
        imports = List.copyOf(imports);
    }

    public static FileOutline empty(String path, String languageId) {
        return new FileOutline(path, languageId, -1, List.of(), List.of());
    }
}
