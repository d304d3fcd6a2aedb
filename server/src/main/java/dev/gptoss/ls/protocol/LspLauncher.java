package dev.gptoss.ls.protocol;

import dev.gptoss.ls.server.ServerParts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** Connects a {@link GptossLanguageServer} to a client over streams (stdio) or a loopback socket. */
public final class LspLauncher {
    private static final Logger LOG = Logger.getLogger(LspLauncher.class.getName());

    private LspLauncher() {
    }

    /** Serves one client on these streams; the future ends when the input closes. */
    public static Future<Void> serve(ServerParts.Environment environment, InputStream in, OutputStream out,
                                     IntConsumer exit) {
        return serve(LspAssembly.assemble(environment, exit), in, out);
    }

    /** Serves one client with this server; the future ends when the input closes. */
    static Future<Void> serve(GptossLanguageServer server, InputStream in, OutputStream out) {
        var builder = new TolerantLauncherBuilder<GptossClient>();
        Launcher<GptossClient> launcher = builder
                .setLocalService(server)
                .setRemoteInterface(GptossClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(server.parts().threads().protocol())
                .configureGson(AnnotatedTextEdits::register)
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    /** Listens on 127.0.0.1 only, for attaching a debugging client; serves one client. */
    public static void serveOnPort(ServerParts.Environment environment, int port, IntConsumer exit) throws IOException {
        try (var listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            LOG.info("Listening for one LSP client on 127.0.0.1:" + listener.getLocalPort());
            Socket socket = listener.accept();
            serve(environment, socket.getInputStream(), socket.getOutputStream(), exit).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warning("The connection ended: " + e.getCause());
        }
    }

}
