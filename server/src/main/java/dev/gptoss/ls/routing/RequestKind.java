package dev.gptoss.ls.routing;

/** What a request is, the first thing its complexity score depends on. */
public enum RequestKind {
    /** Ghost text while typing: the user did not ask and will not wait. */
    AUTOMATIC_COMPLETION,
    /** A completion the user asked for. */
    INVOKED_COMPLETION,
    /** An AI code action: refactor, explain, fix. */
    CODE_ACTION
}
