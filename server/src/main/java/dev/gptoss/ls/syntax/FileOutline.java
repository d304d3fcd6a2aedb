package dev.gptoss.ls.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The definitions and import statements of one version of a file. */
public final class FileOutline {
    private final String path;
    private final String languageId;
    private final int version;
    private final List<Definition> definitions;
    private final List<String> imports;
    private final List<Binding> bindings;
    /** Built on the first lookup: each keystroke looks up a dozen names in the same outline. */
    private volatile Map<String, List<Definition>> byName;

    public FileOutline(String path, String languageId, int version, List<Definition> definitions,
                       List<String> imports) {
        this(path, languageId, version, definitions, imports, List.of());
    }

    public FileOutline(String path, String languageId, int version, List<Definition> definitions,
                       List<String> imports, List<Binding> bindings) {
        this.path = path;
        this.languageId = languageId;
        this.version = version;
        this.definitions = List.copyOf(definitions);
        this.imports = List.copyOf(imports);
        this.bindings = List.copyOf(bindings);
    }

    public static FileOutline empty(String path, String languageId) {
        return new FileOutline(path, languageId, -1, List.of(), List.of());
    }

    public String path() {
        return path;
    }

    public String languageId() {
        return languageId;
    }

    public int version() {
        return version;
    }

    public List<Definition> definitions() {
        return definitions;
    }

    public List<String> imports() {
        return imports;
    }

    /** The typed names the file declares, in document order; only open documents have them. */
    public List<Binding> bindings() {
        return bindings;
    }

    /** The definitions of this name, in document order. */
    public List<Definition> named(String name) {
        Map<String, List<Definition>> index = byName;
        if (index == null) {
            var built = new HashMap<String, List<Definition>>();
            for (Definition d : definitions) {
                built.computeIfAbsent(d.name(), n -> new ArrayList<>(1)).add(d);
            }
            index = built;
            byName = index;
        }
        return index.getOrDefault(name, List.of());
    }

    @Override
    public String toString() {
        return "FileOutline[" + path + " v" + version + ", " + definitions.size() + " definitions]";
    }
}
