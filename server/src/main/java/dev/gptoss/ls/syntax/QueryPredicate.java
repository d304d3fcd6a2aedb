package dev.gptoss.ls.syntax;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One {@code (#name? @capture "text" ...)} of a query pattern. */
public final class QueryPredicate {

    /** A predicate argument: a capture name or a string. */
    public record Arg(String value, boolean capture) {
        @Override
        public String toString() {
            return capture ? "@" + value : "\"" + value + "\"";
        }
    }

    private final String name;
    private final List<Arg> args;
    private final int offset;
    private final List<String> strings;
    private final List<String> captures;
    private volatile Object derived;

    /**
     * @param args captures and strings, in order
     * @param offset where the predicate starts in the query text
     */
    public QueryPredicate(String name, List<Arg> args, int offset) {
        this.name = name;
        this.args = List.copyOf(args);
        this.offset = offset;
        this.strings = this.args.stream().filter(a -> !a.capture()).map(Arg::value).toList();
        this.captures = this.args.stream().filter(Arg::capture).map(Arg::value).toList();
    }

    public String name() {
        return name;
    }

    public List<Arg> args() {
        return args;
    }

    public int offset() {
        return offset;
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
        return strings;
    }

    public List<String> captures() {
        return captures;
    }

    /** What an evaluator makes of this predicate's arguments once (a compiled pattern, say), kept with it. */
    @SuppressWarnings("unchecked")
    public <T> T derived(Function<QueryPredicate, T> make) {
        Object made = derived;
        if (made == null) {
            made = Objects.requireNonNull(make.apply(this));
            derived = made;
        }
        return (T) made;
    }

    @Override
    public String toString() {
        return "(#" + name + " " + args + ")";
    }
}
