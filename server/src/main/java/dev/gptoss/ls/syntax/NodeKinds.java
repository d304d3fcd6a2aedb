package dev.gptoss.ls.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSLanguage;
import org.treesitter.TSSymbolType;

/**
 * A grammar's node types and field names, read once per language. A kind is a node type name
 * together with whether it is named: grammars alias several symbols to one name, and a pattern
 * names the type, not the symbol.
 */
public final class NodeKinds {
    /** Field id 0 means "no field", as in tree-sitter. */
    static final int NO_FIELD = 0;

    private final int[] kindOfSymbol;
    private final List<String> kindNames = new ArrayList<>();
    private final List<Boolean> kindNamed = new ArrayList<>();
    private final Map<String, Integer> namedKinds = new HashMap<>();
    private final Map<String, Integer> anonymousKinds = new HashMap<>();
    private final Map<String, Set<Integer>> supertypes = new HashMap<>();
    private final String[] fieldNames;
    private final Map<String, Integer> fieldIds = new HashMap<>();
    private final int commentKind;
    private final int errorKind;

    NodeKinds(TSLanguage language) {
        int symbols = language.symbolCount();
        kindOfSymbol = new int[symbols];
        for (int symbol = 0; symbol < symbols; symbol++) {
            String name = language.symbolName(symbol);
            TSSymbolType type = language.symbolType(symbol);
            boolean named = type != TSSymbolType.TSSymbolTypeAnonymous;
            kindOfSymbol[symbol] = intern(name == null ? "" : name, named);
        }
        var direct = new HashMap<String, List<String>>();
        var supertypeSymbols = language.supertypes();
        for (int supertype : supertypeSymbols) {
            var members = new ArrayList<String>();
            for (int sub : language.subtypes(supertype)) {
                if (sub >= 0 && sub < symbols) {
                    members.add(language.symbolName(sub));
                }
            }
            direct.put(language.symbolName(supertype), members);
        }
        // A supertype's members can be supertypes themselves (Python's expression holds primary_expression).
        for (String supertype : direct.keySet()) {
            var members = new HashSet<Integer>();
            var pending = new ArrayList<>(direct.get(supertype));
            var seen = new HashSet<String>();
            while (!pending.isEmpty()) {
                String member = pending.remove(pending.size() - 1);
                if (!seen.add(member)) {
                    continue;
                }
                if (direct.containsKey(member)) {
                    pending.addAll(direct.get(member));
                } else if (namedKinds.containsKey(member)) {
                    members.add(namedKinds.get(member));
                }
            }
            supertypes.put(supertype, members);
        }
        int fields = language.fieldCount();
        fieldNames = new String[fields + 1];
        for (int id = 1; id <= fields; id++) {
            fieldNames[id] = language.fieldNameForId(id);
            fieldIds.put(fieldNames[id], id);
        }
        commentKind = namedKinds.getOrDefault("comment", -1);
        errorKind = intern("ERROR", true);
    }

    private int intern(String name, boolean named) {
        Map<String, Integer> byName = named ? namedKinds : anonymousKinds;
        return byName.computeIfAbsent(name, n -> {
            kindNames.add(n);
            kindNamed.add(named);
            return kindNames.size() - 1;
        });
    }

    /** The kind of a symbol; the error symbol (and any symbol past the table) reads as ERROR. */
    int kindOf(int symbol) {
        if (symbol >= 0 && symbol < kindOfSymbol.length) {
            return kindOfSymbol[symbol];
        }
        return errorKind;
    }

    public String name(int kind) {
        return kindNames.get(kind);
    }

    public boolean named(int kind) {
        return kindNamed.get(kind);
    }

    boolean error(int kind) {
        return kind == errorKind;
    }

    boolean comment(int kind) {
        return kind == commentKind;
    }

    /** The kind of a named node type, or of an anonymous one ({@code "except"}), if the grammar has it. */
    public Optional<Integer> kind(String name, boolean named) {
        return Optional.ofNullable((named ? namedKinds : anonymousKinds).get(name));
    }

    /** The kinds a supertype such as {@code expression} stands for, if the name is a supertype. */
    public Optional<Set<Integer>> supertype(String name) {
        return Optional.ofNullable(supertypes.get(name));
    }

    public String fieldName(int field) {
        return field > 0 && field < fieldNames.length ? fieldNames[field] : null;
    }

    public Optional<Integer> field(String name) {
        return Optional.ofNullable(fieldIds.get(name));
    }
}
