package dev.gptoss.ls.telemetry;

import java.io.PrintStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logging goes to stderr, never stdout: stdout carries the protocol. Editors show stderr in their
 * language-server log. {@code GPTOSS_LOG=fine} turns on detail.
 */
public final class LogSetup {
    private static final String SERVER_LOGGERS = "dev.gptoss";
    private LogSetup() {
    }

    /** Points {@code System.out} at stderr and returns the real stdout, now reserved for the protocol. */
    public static PrintStream reserveStdoutForProtocol() {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        return protocol;
    }

    public static void toStderr(String levelName) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Level level = parse(levelName);
        var handler = new ConsoleHandler();
        handler.setLevel(level);
        handler.setFilter(new LateCancelFilter(level));
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        // Detail is the server's own: at FINE the JDK's HTTP client and TLS write hundreds of lines a request.
        root.setLevel(level.intValue() < Level.INFO.intValue() ? Level.INFO : level);
        Logger.getLogger(SERVER_LOGGERS).setLevel(level);
    }

    private static Level parse(String name) {
        try {
            return name == null ? Level.INFO : Level.parse(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
