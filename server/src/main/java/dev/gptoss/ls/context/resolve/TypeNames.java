package dev.gptoss.ls.context.resolve;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The type a declared type text is about, as name segments: {@code Map<K, V>} is {@code [Map]}, {@code *pkg.Client} is {@code [pkg, Client]}. */
final class TypeNames {
    /** Wrappers whose first argument is the type a receiver's members come from. */
    private static final Set<String> WRAPPERS = Set.of("Optional", "Box", "Arc", "Rc", "RefCell", "Cell", "Mutex",
            "RwLock", "Option", "Readonly", "Final", "ClassVar", "Annotated", "Type");
    private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z_$][\\w$]*(?:(?:\\.|::)[A-Za-z_$][\\w$]*)*");
    private static final Set<String> NOT_TYPES = Set.of("None", "null", "undefined", "void", "self", "mut", "dyn",
            "impl", "const", "readonly", "final", "volatile", "transient", "unique", "typeof", "keyof", "chan");

    private TypeNames() {
    }

    /** The segments of the type {@code text} mentions first (wrappers unwrapped), or empty. */
    static List<String> of(String text) {
        String t = text.strip();
        if (t.length() > 2 && (t.startsWith("\"") || t.startsWith("'"))) {
            t = t.substring(1, t.length() - 1); // Python forward reference
        }
        t = t.replaceAll("'\\w+", ""); // Rust lifetimes
        for (int depth = 0; depth < 4; depth++) {
            Matcher m = QUALIFIED.matcher(t);
            String inner = null;
            while (inner == null && m.find()) {
                if (NOT_TYPES.contains(m.group())) {
                    continue;
                }
                List<String> segments = List.of(m.group().split("\\.|::"));
                int after = m.end();
                if (WRAPPERS.contains(segments.get(segments.size() - 1)) && after < t.length()
                        && (t.charAt(after) == '<' || t.charAt(after) == '[')) {
                    inner = t.substring(after + 1);
                } else {
                    return segments;
                }
            }
            if (inner == null) {
                return List.of();
            }
            t = inner;
        }
        return List.of();
    }
}
