package dev.gptoss.ls.syntax;

import java.util.List;

/**
 * One {@code (#name? @capture "text" ...)} of a query pattern.
 *
 * @param args captures (as {@code @name}) and strings, in order
 * @param offset where the predicate starts in the query text
 */
public record QueryPredicate(String name, List<Arg> args, int offset) {

    /** A predicate argument: a capture name or a string. */
    public record Arg(String value, boolean capture) {
        @Override
        public String toString() {
            return capture ? "@" + value : "\"" + value + "\"";
        }
    }

    /** Whether the name has a {@code not-} prefix, which inverts it. */
    public boolean negated() {
        return name.startsWith("not-");
    }

    /** The name without its {@code not-} prefix. */
    public String baseName() {
        return negated() ? name.substring(4) : name;
    }

    public List<String> strings() {
        return args.stream().filter(a -> !a.capture()).map(Arg::value).toList();
    }

    public List<String> captures() {
        return args.stream().filter(Arg::capture).map(Arg::value).toList();
    }
}
