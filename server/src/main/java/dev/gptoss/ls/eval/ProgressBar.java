package dev.gptoss.ls.eval;

import java.io.PrintStream;

/**
 * Progress on stderr, so stdout keeps only results: a bar redrawn in place on a terminal, or a line
 * at each quarter when the output goes to a log.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean redraw;
    private final String label;
    private final int total;
    private int quartersShown;

    public ProgressBar(PrintStream err, boolean redraw, String label, int total) {
        this.err = err;
        this.redraw = redraw;
        this.label = label;
        this.total = total;
    }

    /** Redraw in place when a person watches: a console, or a terminal outside CI. */
    public static boolean terminalWatching() {
        return System.console() != null
                || System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM")) && System.getenv("CI") == null;
    }

    public synchronized void update(int done) {
        if (redraw) {
            int filled = total == 0 ? WIDTH : WIDTH * done / total;
            err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
            if (done >= total) {
                err.println();
            }
        } else {
            int quarters = total == 0 ? 4 : 4 * done / total;
            if (quarters > quartersShown) {
                quartersShown = quarters;
                err.println(label + ": " + done + "/" + total);
            }
        }
        err.flush();
    }
}
