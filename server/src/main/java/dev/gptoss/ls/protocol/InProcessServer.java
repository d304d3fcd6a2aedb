package dev.gptoss.ls.protocol;

import dev.gptoss.ls.server.ServerParts;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server that serves one client in this process (the {@code eval} command's editor) and is ended
 * by it: after {@code exit}, the client closes its end of the input, {@link #awaitEnd} waits for the
 * server to read that end and for its work to stop, and only then does the client hang up. In that
 * order nothing the server still does writes into a closed connection, which LSP4J would log with a
 * stack trace.
 */
public final class InProcessServer {
    private final GptossLanguageServer server;
    private final Future<Void> listening;

    private InProcessServer(GptossLanguageServer server, Future<Void> listening) {
        this.server = server;
        this.listening = listening;
    }

    /** Serves one client on these streams; {@code exit} does not end the process. */
    public static InProcessServer serve(ServerParts.Environment environment, InputStream in, OutputStream out) {
        GptossLanguageServer server = LspAssembly.assemble(environment, code -> { });
        return new InProcessServer(server, LspLauncher.serve(server, in, out));
    }

    /**
     * Once the client's end of the input is closed: waits, at most {@code max} in all, for the server
     * to see the end and for its threads to finish what they were doing (stopping them if the client
     * left without {@code exit}).
     */
    public void awaitEnd(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            listening.get(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The connection ended otherwise; the work is stopped below all the same.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        server.parts().close();
        server.parts().threads().awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
}
