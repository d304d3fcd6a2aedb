package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.List;

/**
 * Rust: {@code use} paths from {@code crate::} (the directory of {@code lib.rs} or {@code main.rs}),
 * {@code super::} and {@code self::}, or a child module declared with {@code mod}; a module
 * {@code a::b} is the file {@code a/b.rs} or {@code a/b/mod.rs}. A name qualified by a module
 * ({@code geometry::scale}) is read in that module's file.
 */
final class RustRules extends LanguageRules {
    RustRules(WorkspaceFiles workspace) {
        super(workspace);
    }

    @Override
    List<Definition> resolve(FileOutline file, List<Import> imports, List<String> name) {
        String head = name.get(0);
        Import used = importing(imports, head).orElse(null);
        if (used != null) {
            var path = new ArrayList<>(segments(used.module()));
            path.add(used.name());
            path.addAll(name.subList(1, name.size()));
            return item(file.path(), path);
        }
        for (Import i : imports) {
            if (i.wildcard()) {
                var path = new ArrayList<>(segments(i.module()));
                path.addAll(name);
                List<Definition> found = item(file.path(), path);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return name.size() > 1 ? item(file.path(), name) : List.of();
    }

    /** The item a path names from {@code from}: the longest module prefix that is a file, then items in it. */
    private List<Definition> item(String from, List<String> path) {
        String directory = start(from, path.get(0));
        int index = path.get(0).equals("crate") || path.get(0).equals("self") ? 1 : 0;
        while (directory != null && index < path.size() && path.get(index).equals("super")) {
            directory = Uris.up(directory, 1);
            index++;
        }
        if (directory == null) {
            return List.of();
        }
        String moduleFile = from;
        if (path.get(0).equals("crate")) {
            moduleFile = firstExisting(List.of(directory + "lib.rs", directory + "main.rs")).orElse(null);
        } else if (path.get(0).equals("super")) {
            moduleFile = firstExisting(List.of(directory.substring(0, directory.length() - 1) + ".rs",
                    directory + "mod.rs", directory + "lib.rs", directory + "main.rs")).orElse(null);
        }
        for (; index < path.size() - 1; index++) {
            String next = firstExisting(List.of(directory + path.get(index) + ".rs",
                    directory + path.get(index) + "/mod.rs")).orElse(null);
            if (next == null) {
                break;
            }
            moduleFile = next;
            directory = directory + path.get(index) + "/";
        }
        if (moduleFile == null || index >= path.size()) {
            return List.of();
        }
        return nested(definedIn(moduleFile, path.get(index)), path.subList(index + 1, path.size()), workspace);
    }

    /** The directory a path's first segment starts from: the crate root, or the directory of the module's children. */
    private String start(String from, String first) {
        String directory = Uris.directory(from);
        if (first.equals("crate")) {
            for (String d = directory; d != null; d = Uris.up(d, 1)) {
                if (exists(d + "lib.rs") || exists(d + "main.rs")) {
                    return d;
                }
            }
            return null;
        }
        String name = Uris.fileName(from);
        boolean rootOfDirectory = name.equals("mod.rs") || name.equals("lib.rs") || name.equals("main.rs");
        // self:: and a child module are read from this module's directory; super:: goes up from there
        return rootOfDirectory ? directory : directory + Uris.stem(from) + "/";
    }

    private static List<String> segments(String module) {
        return module.isEmpty() ? List.of() : List.of(module.split("::"));
    }
}
