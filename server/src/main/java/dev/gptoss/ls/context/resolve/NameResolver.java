package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a name written in a file means, as the language decides it: through the file's imports and
 * the language's rules (Java: imports, same package, nested types; Python: absolute and relative
 * imports, aliases, re-exports; TypeScript and JavaScript: relative paths, {@code tsconfig} paths,
 * index files, re-exports; Go: package directories; Rust: {@code use} paths and modules). Reads only
 * the workspace index and the few project files that say where modules live; never the disk
 * otherwise.
 */
public final class NameResolver {
    private final WorkspaceFiles workspace;
    private final Map<String, LanguageRules> rules;

    public NameResolver(WorkspaceFiles workspace, ProjectFiles projectFiles) {
        this.workspace = workspace;
        var java = new JavaRules(workspace);
        var python = new PythonRules(workspace);
        var ecmascript = new EcmaScriptRules(workspace, projectFiles);
        this.rules = Map.of("java", java, "python", python, "typescript", ecmascript,
                "typescriptreact", ecmascript, "javascript", ecmascript, "javascriptreact", ecmascript,
                "go", new GoRules(workspace, projectFiles), "rust", new RustRules(workspace));
    }

    /**
     * The definitions {@code name} (its segments: {@code [Outer, Inner]}, {@code [pkg, Type]}) refers
     * to in {@code file}; the file's own when it defines the name; empty when the rules do not reach
     * a definition in the workspace (a library, a builtin, a name not imported).
     */
    public List<Definition> resolve(FileOutline file, List<String> name) {
        LanguageRules language = rules.get(file.languageId());
        if (language == null || name.isEmpty()) {
            return List.of();
        }
        if (name.size() == 1) {
            List<Definition> local = file.named(name.get(0));
            if (!local.isEmpty()) {
                return local;
            }
        }
        return language.resolve(file, imports(file), name);
    }

    /** The imports of a file, each statement read once per outline. */
    static List<Import> imports(FileOutline file) {
        var out = new ArrayList<Import>();
        for (String statement : file.imports()) {
            out.addAll(Import.parse(file.languageId(), statement));
        }
        return out;
    }

    /**
     * Definitions of {@code name} elsewhere in the workspace that no rule reached: the same
     * language family only, test sources only for a test file, nearest first (same directory,
     * then the fewest directories apart). Those that tie with another file for nearest are left
     * out: a guess between equals is noise.
     */
    public List<Definition> guess(FileOutline file, String name, boolean typesOnly) {
        String family = SourceKinds.family(file.languageId());
        boolean test = SourceKinds.isTest(file.path());
        var candidates = new ArrayList<Definition>();
        for (Definition d : workspace.named(name)) {
            if (!d.path().equals(file.path()) && SourceKinds.familyOfFile(d.path()).equals(family)
                    && (test || !SourceKinds.isTest(d.path())) && (!typesOnly || SourceKinds.isType(d))) {
                candidates.add(d);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingInt((Definition d) -> Uris.distance(file.path(), d.path())));
        int best = Uris.distance(file.path(), candidates.get(0).path());
        String bestFile = candidates.get(0).path();
        var nearest = new ArrayList<Definition>();
        for (Definition d : candidates) {
            if (Uris.distance(file.path(), d.path()) > best) {
                break;
            }
            if (!d.path().equals(bestFile)) {
                return List.of();
            }
            nearest.add(d);
        }
        return nearest;
    }
}
