package dev.gptoss.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A fake gpt-oss server on loopback that speaks Ollama's, vLLM's or llama.cpp's wire format, so the
 * language server can be tested and benchmarked without model weights.
 *
 * <p>A small HTTP/1.1 server over {@link ServerSocket} rather than the JDK's HttpServer, because the
 * fake must drop streams mid-chunk and see a client hang up while it is silent, and HttpServer hides
 * the socket.
 */
public final class FakeModelBackend implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final Flavor flavor;
    private final ServerSocket server;
    private final FakeBehavior behavior = new FakeBehavior();
    private final RequestLog log = new RequestLog();
    private final ObjectMapper json = new ObjectMapper();
    private final FakeRouter router;
    private final ControlRoutes control;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService connectionThreads;
    private final String host;

    private FakeModelBackend(Flavor flavor, ServerSocket server, String host) {
        this.host = host;
        this.flavor = flavor;
        this.server = server;
        this.router = new FakeRouter(flavor);
        this.control = new ControlRoutes(behavior, log);
        this.connectionThreads = Executors.newCachedThreadPool(daemonThreads("fake-backend-" + port()));
    }

    /** Starts on 127.0.0.1 on an ephemeral port. */
    public static FakeModelBackend start(Flavor flavor) {
        return start(flavor, 0);
    }

    /** Starts on 127.0.0.1:{@code port} (0 for an ephemeral port). */
    public static FakeModelBackend start(Flavor flavor, int port) {
        return start(flavor, LOOPBACK, port);
    }

    /**
     * Starts on another loopback address, such as 127.0.0.2, on {@code port} (0 for an ephemeral
     * one): a "foreign host" for tests of what may leave the machine.
     */
    public static FakeModelBackend start(Flavor flavor, String loopbackHost, int port) {
        try {
            InetAddress address = InetAddress.getByName(loopbackHost);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(loopbackHost + " is not a loopback address");
            }
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), 128);
            FakeModelBackend backend = new FakeModelBackend(flavor, server, loopbackHost);
            daemonThreads("fake-backend-accept-" + backend.port()).newThread(backend::acceptConnections).start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake backend on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:PORT} (or the other loopback host it listens on), without a trailing slash. */
    public URI url() {
        return URI.create("http://" + host + ":" + port());
    }

    public int port() {
        return server.getLocalPort();
    }

    public Flavor flavor() {
        return flavor;
    }

    /** The live knobs; changes apply to requests that arrive afterwards. */
    public FakeBehavior behavior() {
        return behavior;
    }

    /** Every model request received so far (control routes excluded), oldest first. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** The requests to one path, e.g. {@code /api/generate}, oldest first. */
    public List<RecordedRequest> requests(String path) {
        return log.snapshot().stream().filter(r -> r.path().equals(path)).collect(Collectors.toList());
    }

    public int requestCount() {
        return log.size();
    }

    /** Waits until at least {@code count} requests arrived and returns all of them; AssertionError on timeout. */
    public List<RecordedRequest> awaitRequests(int count, Duration max) {
        return log.await(count, max);
    }

    /** Waits until the fake is done with {@code request}; returns whether the client hung up first. */
    public boolean awaitHangUp(RecordedRequest request, Duration max) {
        return request.awaitFinished(max) && request.clientHungUp();
    }

    /** Called on a connection thread each time the fake is done with a request (for logging). */
    public void onRequestFinished(Consumer<RecordedRequest> listener) {
        log.onFinished(listener);
    }

    /** Behaviour back to defaults, recordings cleared. */
    public void reset() {
        behavior.reset();
        log.clear();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing is all that is wanted; a failure leaves nothing to do.
        }
        connections.forEach(FakeModelBackend::closeQuietly);
        connectionThreads.shutdownNow();
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                connectionThreads.execute(() -> {
                    try {
                        new ConnectionHandler(socket, behavior, log, router, control, json).run();
                    } finally {
                        connections.remove(socket);
                    }
                });
            } catch (IOException e) {
                if (!server.isClosed()) {
                    e.printStackTrace();
                }
            } catch (RejectedExecutionException e) {
                return;
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
