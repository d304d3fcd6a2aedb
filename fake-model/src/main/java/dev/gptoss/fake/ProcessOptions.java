package dev.gptoss.fake;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What the project's small command-line programs share: their options, and ending when the parent does. */
public final class ProcessOptions {
    private ProcessOptions() {
    }

    /**
     * {@code --name value} for each of {@code valued} and {@code --name} alone for each of
     * {@code flags} (mapped to ""); anything else, or a value missing, is an IllegalArgumentException
     * that names it.
     */
    public static Map<String, String> parse(String[] args, Set<String> valued, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (flags.contains(args[i])) {
                options.put(args[i], "");
            } else if (!valued.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            } else if (i + 1 == args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            } else {
                options.put(args[i], args[++i]);
            }
        }
        return options;
    }

    /**
     * Closes {@code resource} and exits once stdin ends: the parent closing our stdin is how a
     * benchmark or an editor test says it is done (or died).
     */
    public static void exitOnStdinEof(AutoCloseable resource, String threadName) {
        Thread watch = new Thread(() -> {
            drain(System.in);
            try {
                resource.close();
            } catch (Exception e) {
                // Exiting anyway.
            }
            System.exit(0);
        }, threadName);
        watch.setDaemon(true);
        watch.start();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone, the same as EOF.
        }
    }
}
