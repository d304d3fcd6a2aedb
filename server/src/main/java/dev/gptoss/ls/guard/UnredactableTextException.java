package dev.gptoss.ls.guard;

/** A detector could not finish on this text, so nothing can be said about its secrets: it must not leave. */
public final class UnredactableTextException extends RuntimeException {
    public UnredactableTextException(String detector) {
        super("Secret detector \"" + detector + "\" gave up on this text (its pattern backtracks too much)");
    }
}
