package dev.gptoss.ls.config;

/** A configuration value that cannot be used; {@link #field()} is its path, e.g. {@code gptoss.endpoints[1].url}. */
public final class InvalidConfigException extends Exception {
    private final String field;

    public InvalidConfigException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
