package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.List;

/**
 * Java: a single-type import, then the package (the file's directory), then on-demand imports;
 * a type lives in the file of its name ({@code a/b/C.java}); {@code Outer.Inner} and an import of
 * {@code a.b.Outer.Inner} are nested types; a static import names a member of its class.
 */
final class JavaRules extends LanguageRules {
    JavaRules(WorkspaceFiles workspace) {
        super(workspace);
    }

    @Override
    List<Definition> resolve(FileOutline file, List<Import> imports, List<String> name) {
        String head = name.get(0);
        List<Definition> found = simpleName(file, imports, head);
        if (found.isEmpty() && name.size() > 1 && Character.isLowerCase(head.charAt(0))) {
            // a fully qualified name: a.b.C or a.b.Outer.Inner
            for (int i = 1; i < name.size() && found.isEmpty(); i++) {
                found = nested(typeAt(String.join(".", name.subList(0, i)), name.get(i), file.path()),
                        name.subList(i + 1, name.size()), workspace);
            }
            return found;
        }
        return name.size() == 1 ? found : nested(found, name.subList(1, name.size()), workspace);
    }

    private List<Definition> simpleName(FileOutline file, List<Import> imports, String name) {
        Import single = importing(imports, name).orElse(null);
        if (single != null) {
            List<Definition> imported = typeAt(single.module(), name, file.path());
            if (imported.isEmpty()) {
                // a static import (a member of a class) or a nested type (a.b.Outer.Inner)
                imported = nested(typeAt(parent(single.module()), last(single.module()), file.path()),
                        List.of(name), workspace);
            }
            return imported;
        }
        List<Definition> samePackage = definedIn(Uris.directory(file.path()) + name + ".java", name);
        if (!samePackage.isEmpty()) {
            return samePackage;
        }
        for (Import i : imports) {
            if (i.wildcard()) {
                List<Definition> onDemand = typeAt(i.module(), name, file.path());
                if (onDemand.isEmpty()) {
                    onDemand = nested(typeAt(parent(i.module()), last(i.module()), file.path()), List.of(name), workspace);
                }
                if (!onDemand.isEmpty()) {
                    return onDemand;
                }
            }
        }
        return List.of();
    }

    /** The top-level type {@code name} of package {@code packageName}, from the file {@code package/path/Name.java}. */
    private List<Definition> typeAt(String packageName, String name, String from) {
        String path = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + name + ".java";
        var found = new ArrayList<Definition>();
        for (String uri : filesEndingWith(path, from)) {
            for (Definition d : definedIn(uri, name)) {
                if (SourceKinds.isType(d)) {
                    found.add(d);
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        return found;
    }

    private static String parent(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? "" : dotted.substring(0, dot);
    }

    private static String last(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
}
