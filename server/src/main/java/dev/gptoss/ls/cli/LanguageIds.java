package dev.gptoss.ls.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** LSP language ids by file extension, for files read outside an editor. */
final class LanguageIds {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("py", "python"), Map.entry("java", "java"), Map.entry("ts", "typescript"),
            Map.entry("tsx", "typescriptreact"), Map.entry("js", "javascript"), Map.entry("jsx", "javascriptreact"),
            Map.entry("go", "go"), Map.entry("rs", "rust"), Map.entry("c", "c"), Map.entry("h", "c"),
            Map.entry("cpp", "cpp"), Map.entry("cs", "csharp"), Map.entry("rb", "ruby"), Map.entry("kt", "kotlin"),
            Map.entry("sh", "shellscript"), Map.entry("md", "markdown"), Map.entry("json", "json"));

    private LanguageIds() {
    }

    static String forFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "plaintext");
    }
}
