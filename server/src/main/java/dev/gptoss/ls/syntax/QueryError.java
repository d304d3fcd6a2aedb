package dev.gptoss.ls.syntax;

/** A query that does not compile, with where in its text the problem is. */
public final class QueryError extends IllegalArgumentException {
    private final int offset;

    public QueryError(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Offset into the query text (a UTF-16 index). */
    public int offset() {
        return offset;
    }
}
