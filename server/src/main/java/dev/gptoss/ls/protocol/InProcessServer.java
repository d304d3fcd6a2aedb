package dev.gptoss.ls.protocol;

import dev.gptoss.ls.server.ServerParts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server that serves one editor in this process (the {@code eval} command's, the protocol tests')
 * over a loopback socket, as {@code --port} does. A socket, not a pipe: java.io's piped streams fail
 * once the thread that last wrote has ended, and an NIO pipe is closed by an interrupt, which the
 * server gives the work it cancels.
 *
 * <p>{@link #end} ends it as an editor that goes away: the editor's end of the input closes, the
 * server reads that end and its threads finish what they were doing, the editor reads what the
 * server still had to say, and only then are the sockets closed. In that order nothing the server
 * still does writes into a closed connection, which LSP4J would log with a stack trace.
 */
public final class InProcessServer {
    private final GptossLanguageServer server;
    private final Socket editorEnd;
    private final Socket serverEnd;
    private final Future<Void> serving;

    private InProcessServer(GptossLanguageServer server) throws IOException {
        this.server = server;
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            editorEnd = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            serverEnd = listener.accept();
        }
        serving = LspLauncher.serve(server, serverEnd.getInputStream(), serverEnd.getOutputStream());
    }

    /** Starts a server on {@code environment}; its {@code exit} does not end the process. */
    public static InProcessServer start(ServerParts.Environment environment) throws IOException {
        return start(LspAssembly.assemble(environment, code -> { }));
    }

    static InProcessServer start(GptossLanguageServer server) throws IOException {
        return new InProcessServer(server);
    }

    /** What the editor reads: the server's messages. */
    public InputStream editorInput() throws IOException {
        return editorEnd.getInputStream();
    }

    /** What the editor writes: its messages to the server. */
    public OutputStream editorOutput() throws IOException {
        return editorEnd.getOutputStream();
    }

    /**
     * Ends the connection in order (see above), waiting at most {@code max} at each step;
     * {@code editorReading} is the editor's reader of the server's messages.
     */
    public void end(Future<?> editorReading, Duration max) {
        endOfInput(editorEnd, serving, max);
        server.parts().close();
        server.parts().threads().awaitTermination(max);
        endOfInput(serverEnd, editorReading, max);
        closeQuietly(serverEnd);
        closeQuietly(editorEnd);
    }

    /** Ends what {@code writer} sends and waits for the reader at the other end to see the end. */
    private static void endOfInput(Socket writer, Future<?> reader, Duration max) {
        try {
            writer.shutdownOutput();
            reader.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            // Closed already, or the reader ended otherwise: the sockets are closed next either way.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that is wanted.
        }
    }
}
