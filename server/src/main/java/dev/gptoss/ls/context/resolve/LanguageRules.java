package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One language's way from a name in a file to the definition it means. */
abstract class LanguageRules {
    /** How many re-exports ({@code from .x import A} in an {@code __init__.py}, {@code export * from}) are followed. */
    static final int MAX_HOPS = 3;

    final WorkspaceFiles workspace;

    LanguageRules(WorkspaceFiles workspace) {
        this.workspace = workspace;
    }

    /** {@code name} has at least one segment; the file's own definitions of a simple name were tried. */
    abstract List<Definition> resolve(FileOutline file, List<Import> imports, List<String> name);

    /** The import that binds {@code local} in a file, if one does. */
    static Optional<Import> importing(List<Import> imports, String local) {
        return imports.stream().filter(i -> local.equals(i.local())).findFirst();
    }

    /** The definitions named {@code name} in the file at {@code uri}, if the index has that file. */
    List<Definition> definedIn(String uri, String name) {
        return workspace.outline(uri).map(o -> o.named(name)).orElse(List.of());
    }

    boolean exists(String uri) {
        return uri != null && workspace.outline(uri).isPresent();
    }

    /** Indexed files whose URI ends with {@code "/" + path}, nearest to {@code from} first. */
    List<String> filesEndingWith(String path, String from) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String suffix = "/" + path;
        var found = new ArrayList<String>();
        for (String uri : workspace.filesNamed(fileName)) {
            if (uri.endsWith(suffix)) {
                found.add(uri);
            }
        }
        found.sort(Comparator.comparingInt((String uri) -> -Uris.shared(uri, from)).thenComparing(uri -> uri));
        return found;
    }

    /** The first of {@code uris} that the index holds. */
    Optional<String> firstExisting(List<String> uris) {
        return uris.stream().filter(this::exists).findFirst();
    }

    /** Definitions of {@code rest} nested in the first segment's definitions: {@code Outer.Inner} read inside {@code Outer}. */
    static List<Definition> nested(List<Definition> outer, List<String> rest, WorkspaceFiles workspace) {
        List<Definition> current = outer;
        for (String segment : rest) {
            var next = new ArrayList<Definition>();
            for (Definition o : current) {
                workspace.outline(o.path()).ifPresent(file -> {
                    for (Definition d : file.named(segment)) {
                        if (d.startLine() >= o.startLine() && d.endLine() <= o.endLine()) {
                            next.add(d);
                        }
                    }
                });
            }
            current = next;
        }
        return current;
    }
}
