package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.List;

/**
 * Go: a package is a directory. {@code pkg.Name} is {@code Name} in the directory of the import
 * whose name (or alias) is {@code pkg}: under the module's root when the path starts with the
 * {@code go.mod} module path, else the directory whose path ends with the import path's last
 * segments. An unqualified name is the file's own package: its directory. Test files only for tests.
 */
final class GoRules extends LanguageRules {
    private final ProjectFiles projectFiles;

    GoRules(WorkspaceFiles workspace, ProjectFiles projectFiles) {
        super(workspace);
        this.projectFiles = projectFiles;
    }

    @Override
    List<Definition> resolve(FileOutline file, List<Import> imports, List<String> name) {
        boolean test = SourceKinds.isTest(file.path());
        if (name.size() == 1) {
            return inDirectory(Uris.directory(file.path()), name.get(0), test);
        }
        var imported = importing(imports, name.get(0));
        if (imported.isPresent()) {
            return inPackage(file.path(), imported.get().module(), name.get(1), test);
        }
        for (Import i : imports) {
            if (i.wildcard()) { // import . "path"
                List<Definition> found = inPackage(file.path(), i.module(), name.get(0), test);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    private List<Definition> inPackage(String from, String importPath, String name, boolean test) {
        var module = projectFiles.goModule(from);
        if (module.isPresent() && (importPath.equals(module.get().path()) || importPath.startsWith(module.get().path() + "/"))) {
            String rest = importPath.substring(module.get().path().length());
            String directory = Uris.resolve(module.get().directory(), rest.isEmpty() ? "./" : rest.substring(1) + "/");
            return directory == null ? List.of() : inDirectory(directory, name, test);
        }
        // No go.mod in reach (or another module of the workspace): the directory ending with the path.
        String[] segments = importPath.split("/");
        var best = new ArrayList<Definition>();
        int bestMatch = 0;
        for (Definition d : workspace.named(name)) {
            if (!d.path().endsWith(".go") || !test && SourceKinds.isTest(d.path())) {
                continue;
            }
            int matched = matchingTail(Uris.directory(d.path()), segments);
            if (matched > bestMatch) {
                best.clear();
                bestMatch = matched;
            }
            if (matched == bestMatch && matched > 0) {
                best.add(d);
            }
        }
        return best;
    }

    private static int matchingTail(String directory, String[] segments) {
        String[] parts = directory.substring(0, directory.length() - 1).split("/");
        int matched = 0;
        while (matched < segments.length && matched < parts.length
                && parts[parts.length - 1 - matched].equals(segments[segments.length - 1 - matched])) {
            matched++;
        }
        return matched;
    }

    private List<Definition> inDirectory(String directory, String name, boolean test) {
        var found = new ArrayList<Definition>();
        for (Definition d : workspace.named(name)) {
            if (Uris.directory(d.path()).equals(directory) && d.path().endsWith(".go")
                    && (test || !SourceKinds.isTest(d.path()))) {
                found.add(d);
            }
        }
        return found;
    }
}
