package dev.gptoss.ls.syntax;

/**
 * A name the code declares with a type it states or implies: a field, a parameter, a local
 * variable, {@code self.x = Class(...)}. What a receiver before the cursor is.
 *
 * @param type the type as written ({@code Map<K, V>}, {@code *pkg.Client}, {@code Optional[Foo]})
 * @param line zero-based line of the declaration
 * @param member a field of a type ({@code this.x}, {@code self.x}, a struct field) rather than a local
 */
public record Binding(String name, String type, int line, boolean member) {
}
