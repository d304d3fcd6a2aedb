package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TypeScript and JavaScript: {@code import { A as B } from './x'}, default and namespace imports,
 * a module specifier resolved as the compiler does (relative paths with or without the
 * extension, {@code .js} written for a {@code .ts} file, {@code index} files, {@code tsconfig}
 * {@code paths} and {@code baseUrl}), and re-exports ({@code export { A } from}, {@code export * from})
 * followed a few hops. Packages in {@code node_modules} are not resolved.
 */
final class EcmaScriptRules extends LanguageRules {
    private static final List<String> EXTENSIONS = List.of(".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs");
    private final ProjectFiles projectFiles;

    EcmaScriptRules(WorkspaceFiles workspace, ProjectFiles projectFiles) {
        super(workspace);
        this.projectFiles = projectFiles;
    }

    @Override
    List<Definition> resolve(FileOutline file, List<Import> imports, List<String> name) {
        String head = name.get(0);
        Import i = importing(imports, head).orElse(null);
        String target = i == null ? null : moduleFile(file.path(), i.module());
        if (target == null) {
            return List.of();
        }
        if (i.bindsModule()) {
            return name.size() > 1 ? exported(target, name.get(1), name.subList(2, name.size()), 0) : List.of();
        }
        String exportedName = Import.DEFAULT.equals(i.name()) ? head : i.name();
        return exported(target, exportedName, name.subList(1, name.size()), 0);
    }

    /** {@code name} as module {@code uri} exports it, then the names nested in it. */
    private List<Definition> exported(String uri, String name, List<String> nestedNames, int hops) {
        FileOutline target = workspace.outline(uri).orElse(null);
        if (target == null || hops > MAX_HOPS) {
            return List.of();
        }
        List<Definition> found = target.named(name);
        if (!found.isEmpty()) {
            return nested(found, nestedNames, workspace);
        }
        List<Import> reexports = NameResolver.imports(target);
        for (Import i : reexports) {
            if (name.equals(i.local()) && !i.bindsModule()) {
                String next = moduleFile(uri, i.module());
                if (next != null) {
                    return exported(next, Import.DEFAULT.equals(i.name()) ? name : i.name(), nestedNames, hops + 1);
                }
            }
        }
        for (Import i : reexports) {
            if (i.wildcard()) {
                String next = moduleFile(uri, i.module());
                List<Definition> through = next == null ? List.of() : exported(next, name, nestedNames, hops + 1);
                if (!through.isEmpty()) {
                    return through;
                }
            }
        }
        return List.of();
    }

    /** The indexed file a module specifier names from {@code from}, or null (a package, or outside the index). */
    String moduleFile(String from, String specifier) {
        if (specifier.startsWith(".")) {
            return withExtensions(Uris.resolve(Uris.directory(from), specifier));
        }
        var config = projectFiles.tsConfig(from);
        if (config.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, List<String>> mapping : config.get().paths().entrySet()) {
            String pattern = mapping.getKey();
            int star = pattern.indexOf('*');
            String matched = star < 0 ? (pattern.equals(specifier) ? "" : null)
                    : specifier.startsWith(pattern.substring(0, star)) && specifier.endsWith(pattern.substring(star + 1))
                    && specifier.length() >= pattern.length() - 1
                    ? specifier.substring(star, specifier.length() - (pattern.length() - star - 1)) : null;
            if (matched == null || config.get().baseUrl() == null) {
                continue;
            }
            for (String target : mapping.getValue()) {
                String found = withExtensions(Uris.resolve(config.get().baseUrl(), target.replace("*", matched)));
                if (found != null) {
                    return found;
                }
            }
        }
        return config.get().baseUrl() == null ? null : withExtensions(Uris.resolve(config.get().baseUrl(), specifier));
    }

    private String withExtensions(String base) {
        if (base == null) {
            return null;
        }
        var candidates = new ArrayList<String>();
        candidates.add(base);
        String bare = base.replaceFirst("\\.(js|jsx|mjs|cjs)$", "");
        for (String extension : EXTENSIONS) {
            candidates.add(bare + extension);
        }
        for (String extension : EXTENSIONS) {
            candidates.add(base + "/index" + extension);
        }
        return firstExisting(candidates).orElse(null);
    }
}
