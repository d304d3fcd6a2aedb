package dev.gptoss.ls.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LateCancelFilterTest {
    private static LogRecord warning(String logger, String message) {
        var record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void aLateCancelIsLeftOutAndEveryOtherWarningKept() {
        var filter = new LateCancelFilter(Level.INFO);
        assertFalse(filter.isLoggable(warning("org.eclipse.lsp4j.jsonrpc.RemoteEndpoint",
                "Unmatched cancel notification for request id 7")));
        assertTrue(filter.isLoggable(warning("org.eclipse.lsp4j.jsonrpc.RemoteEndpoint",
                "Unmatched response message: {...}")));
        assertTrue(filter.isLoggable(warning("dev.gptoss.ls.Other", "Unmatched cancel notification")));
    }

    @Test
    void detailShowsLateCancelsToo() {
        assertTrue(new LateCancelFilter(Level.FINE).isLoggable(warning("org.eclipse.lsp4j.jsonrpc.RemoteEndpoint",
                "Unmatched cancel notification for request id 7")));
    }
}
