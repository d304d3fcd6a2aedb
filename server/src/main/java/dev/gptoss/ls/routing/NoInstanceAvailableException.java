package dev.gptoss.ls.routing;

/** Every instance is shut out (breaker open), full, or the configuration has none for the request. */
public final class NoInstanceAvailableException extends RuntimeException {
    public NoInstanceAvailableException(String message) {
        super(message);
    }
}
