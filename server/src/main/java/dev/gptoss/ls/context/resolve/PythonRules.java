package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.List;

/**
 * Python: {@code from m import A as B}, {@code import a.b as z} then {@code z.A}, relative imports
 * ({@code from ..m import A}), star imports, and a package's {@code __init__.py} that re-exports a
 * name from a submodule. A module {@code a.b} is {@code a/b.py} or {@code a/b/__init__.py} (or
 * {@code .pyi}), the nearest one to the importing file when the workspace holds several.
 */
final class PythonRules extends LanguageRules {
    PythonRules(WorkspaceFiles workspace) {
        super(workspace);
    }

    @Override
    List<Definition> resolve(FileOutline file, List<Import> imports, List<String> name) {
        String head = name.get(0);
        Import i = importing(imports, head).orElse(null);
        if (i != null) {
            if (i.bindsModule()) {
                // import a.b as z; z.C  /  import a.b; a.b.C
                String module = i.module();
                int rest = 1;
                if (module.equals(head)) {
                    while (rest < name.size() - 1 && moduleFile(file.path(), module + "." + name.get(rest)) != null) {
                        module = module + "." + name.get(rest);
                        rest++;
                    }
                }
                return rest < name.size() ? inModule(file.path(), module, name.subList(rest, name.size()), 0) : List.of();
            }
            String module = i.module();
            List<Definition> found = inModule(file.path(), module, List.of(i.name()), 0);
            if (found.isEmpty() && name.size() > 1) {
                // from package import module; module.Class
                String submodule = module.endsWith(".") ? module + i.name() : module + "." + i.name();
                return inModule(file.path(), submodule, name.subList(1, name.size()), 0);
            }
            return name.size() == 1 ? found : nested(found, name.subList(1, name.size()), workspace);
        }
        for (Import star : imports) {
            if (star.wildcard()) {
                List<Definition> found = inModule(file.path(), star.module(), name, 0);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    /** {@code name} (then its nested names) defined in, or re-exported by, {@code module} as seen from {@code from}. */
    private List<Definition> inModule(String from, String module, List<String> name, int hops) {
        String uri = moduleFile(from, module);
        if (uri == null || hops > MAX_HOPS) {
            return List.of();
        }
        FileOutline target = workspace.outline(uri).orElseThrow();
        List<Definition> found = target.named(name.get(0));
        if (!found.isEmpty()) {
            return name.size() == 1 ? found : nested(found, name.subList(1, name.size()), workspace);
        }
        for (Import i : NameResolver.imports(target)) {
            if (name.get(0).equals(i.local()) && !i.bindsModule()) {
                List<Definition> reexported = inModule(uri, i.module(), prepend(i.name(), name), hops + 1);
                if (!reexported.isEmpty()) {
                    return reexported;
                }
            }
        }
        for (Import i : NameResolver.imports(target)) {
            if (i.wildcard()) {
                List<Definition> reexported = inModule(uri, i.module(), name, hops + 1);
                if (!reexported.isEmpty()) {
                    return reexported;
                }
            }
        }
        return List.of();
    }

    private static List<String> prepend(String first, List<String> name) {
        var out = new ArrayList<String>();
        out.add(first);
        out.addAll(name.subList(1, name.size()));
        return out;
    }

    /** The indexed file of {@code module} imported from {@code from}, or null. */
    String moduleFile(String from, String module) {
        int dots = 0;
        while (dots < module.length() && module.charAt(dots) == '.') {
            dots++;
        }
        String path = module.substring(dots).replace('.', '/');
        if (dots > 0) {
            String base = Uris.up(Uris.directory(from), dots - 1);
            if (base == null) {
                return null;
            }
            return firstExisting(path.isEmpty() ? List.of(base + "__init__.py", base + "__init__.pyi")
                    : List.of(base + path + ".py", base + path + "/__init__.py", base + path + ".pyi",
                    base + path + "/__init__.pyi")).orElse(null);
        }
        if (path.isEmpty()) {
            return null;
        }
        for (String candidate : List.of(path + ".py", path + "/__init__.py", path + ".pyi", path + "/__init__.pyi")) {
            List<String> files = filesEndingWith(candidate, from);
            if (!files.isEmpty()) {
                return files.get(0);
            }
        }
        return null;
    }
}
