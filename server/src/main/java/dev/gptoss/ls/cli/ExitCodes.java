package dev.gptoss.ls.cli;

/** The command line's exit codes, one per kind of outcome a script may act on (listed in the usage). */
public final class ExitCodes {
    public static final int OK = 0;
    /** The model answered, but nothing usable for this place. */
    public static final int NO_SUGGESTION = 1;
    /** Bad arguments, an unreadable file or an invalid configuration. */
    public static final int USAGE = 2;
    /** No model server answers (refused, unreachable, still loading). */
    public static final int SERVER_DOWN = 3;
    /** The server answers but does not have the model. */
    public static final int MODEL_MISSING = 4;
    /** The model did not answer in time. */
    public static final int TIMED_OUT = 5;

    private ExitCodes() {
    }
}
