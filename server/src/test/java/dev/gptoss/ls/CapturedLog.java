package dev.gptoss.ls;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What one class logs while a test runs, kept from the console until closed: a test that provokes
 * a failure on purpose asserts the warning it expects instead of printing its stack trace into a
 * passing build. Everything other classes log still reaches the console.
 */
public final class CapturedLog extends Handler implements AutoCloseable {
    private final Logger logger;
    private final boolean usedParentHandlers;
    private final List<LogRecord> records = new ArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        this.usedParentHandlers = logger.getUseParentHandlers();
    }

    public static CapturedLog of(Class<?> source) {
        return of(source.getName());
    }

    /** By the logger's name, for a class this test cannot see. */
    public static CapturedLog of(String loggerName) {
        var log = new CapturedLog(Logger.getLogger(loggerName));
        log.logger.addHandler(log);
        log.logger.setUseParentHandlers(false);
        return log;
    }

    public synchronized List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    /** The records' messages, each followed by the class and message of its exception, if any. */
    public synchronized List<String> messagesWithCauses() {
        return records.stream().map(r -> r.getThrown() == null ? r.getMessage()
                : r.getMessage() + " | " + r.getThrown()).toList();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
