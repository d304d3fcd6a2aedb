package dev.gptoss.ls.syntax;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterRust;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/**
 * The tree-sitter grammars the server carries, by LSP language id. A grammar whose native library
 * does not load on this machine is reported once and then treated as absent: that language gets
 * plain-text context, never an error.
 */
public final class Grammars {
    private static final Logger LOG = Logger.getLogger(Grammars.class.getName());
    private static final Map<String, Supplier<TSLanguage>> KNOWN = Map.of(
            "python", TreeSitterPython::new,
            "java", TreeSitterJava::new,
            "typescript", TreeSitterTypescript::new,
            "typescriptreact", TreeSitterTsx::new,
            "javascript", TreeSitterJavascript::new,
            "javascriptreact", TreeSitterJavascript::new,
            "go", TreeSitterGo::new,
            "rust", TreeSitterRust::new);
    private static final Map<String, String> FILE_LANGUAGES = Map.ofEntries(
            Map.entry("py", "python"), Map.entry("pyi", "python"),
            Map.entry("java", "java"),
            Map.entry("ts", "typescript"), Map.entry("mts", "typescript"), Map.entry("cts", "typescript"),
            Map.entry("tsx", "typescriptreact"),
            Map.entry("js", "javascript"), Map.entry("mjs", "javascript"), Map.entry("cjs", "javascript"),
            Map.entry("jsx", "javascriptreact"),
            Map.entry("go", "go"),
            Map.entry("rs", "rust"));

    private final Map<String, Optional<TSLanguage>> loaded = new ConcurrentHashMap<>();
    private final Map<String, NodeKinds> kinds = new ConcurrentHashMap<>();

    public Optional<TSLanguage> forLanguage(String languageId) {
        Supplier<TSLanguage> factory = KNOWN.get(languageId);
        if (factory == null) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(languageId, id -> load(id, factory));
    }

    /** The grammar's node types and fields, read once per language. */
    public Optional<NodeKinds> kinds(String languageId) {
        return forLanguage(languageId).map(language -> kinds.computeIfAbsent(languageId, id -> new NodeKinds(language)));
    }

    public static boolean known(String languageId) {
        return KNOWN.containsKey(languageId);
    }

    private static Optional<TSLanguage> load(String languageId, Supplier<TSLanguage> factory) {
        try {
            return Optional.of(factory.get());
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError
            LOG.warning("No syntax trees for " + languageId + " (its tree-sitter grammar does not load here: " + e
                    + "); using plain text context for it");
            return Optional.empty();
        }
    }

    /** The language id for a file name, for files the editor has not opened. */
    public static Optional<String> languageOfFile(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(FILE_LANGUAGES.get(fileName.substring(dot + 1)));
    }

    /** The file name extensions (without the dot) whose files have a grammar, for file watchers. */
    public static Set<String> fileExtensions() {
        return FILE_LANGUAGES.keySet();
    }
}
