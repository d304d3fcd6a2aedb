package dev.gptoss.ls.telemetry;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps LSP4J's warning about a {@code $/cancelRequest} for a request already answered out of the
 * log unless detail is asked for. Typing makes one at nearly every key: an edit ends the previous
 * completion, which is answered at once, and the editor's cancel for it comes just after.
 */
final class LateCancelFilter implements Filter {
    private static final String REMOTE_ENDPOINT = "org.eclipse.lsp4j.jsonrpc.RemoteEndpoint";
    private static final String LATE_CANCEL = "Unmatched cancel notification";

    private final boolean detail;

    LateCancelFilter(Level level) {
        this.detail = level.intValue() <= Level.FINE.intValue();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return detail || !(REMOTE_ENDPOINT.equals(record.getLoggerName())
                && record.getMessage() != null && record.getMessage().startsWith(LATE_CANCEL));
    }
}
