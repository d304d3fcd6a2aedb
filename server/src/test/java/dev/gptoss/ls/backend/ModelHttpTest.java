package dev.gptoss.ls.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.PromptMode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TLS is set up only when an https endpoint is used (plain-HTTP start-ups skip the trust store), and
 * then an https endpoint is still spoken to over TLS, never in clear text.
 */
class ModelHttpTest {
    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void anHttpsEndpointIsSpokenToOverTls() throws Exception {
        assertEquals(TLS_HANDSHAKE_RECORD, firstByteSentTo("https"),
                "the first byte of an https request is a TLS handshake record");
    }

    @Test
    void aPlainEndpointIsSpokenToInClearText() throws Exception {
        assertEquals('G', firstByteSentTo("http"), "the first byte of a plain request is its method");
    }

    /** Sends a probe to a loopback listener under {@code scheme} and returns the first byte it received. */
    private int firstByteSentTo(String scheme) throws Exception {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var firstByte = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
                    return in.read();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, executor);
            var http = ModelHttp.create(ObjectMapper::new, new ApiKeys(Map.of()), executor);
            var endpoint = new EndpointConfig("box",
                    URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort()), ApiKind.OLLAMA, null, PromptMode.AUTO);
            var request = http.authorized(endpoint, "/api/version").timeout(Duration.ofSeconds(5)).GET().build();
            var sent = http.http().sendAsync(request, HttpResponse.BodyHandlers.discarding());
            try {
                return firstByte.get(10, TimeUnit.SECONDS);
            } finally {
                sent.cancel(true);
            }
        }
    }
}
