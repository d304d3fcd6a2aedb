package dev.gptoss.ls.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A model server on loopback inside this JVM that answers every generation request with a few
 * streamed words, in Ollama's NDJSON or an OpenAI-compatible server's SSE, reasoning line first.
 * It lets the server run its own request path without asking any real model anything.
 */
public final class LoopbackModelStub implements AutoCloseable {
    private static final List<String> WORDS = List.of("total", " +", " price", " *", " count", "\n");
    /** Long enough that the next key can cut a request, as typing does. */
    private static final long FIRST_WORD_DELAY_MS = 2;

    private final ObjectMapper json;
    private final HttpServer server;
    private final ExecutorService thread;

    private LoopbackModelStub(ObjectMapper json, HttpServer server, ExecutorService thread) {
        this.json = json;
        this.server = server;
        this.thread = thread;
    }

    public static LoopbackModelStub start(ObjectMapper json) throws IOException {
        // Without it each flushed line can wait out a delayed ACK (40 ms) on loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "gptoss-loopback-stub");
            t.setDaemon(true);
            return t;
        });
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var stub = new LoopbackModelStub(json, server, thread);
        server.createContext("/", stub::answer);
        server.setExecutor(thread);
        server.start();
        return stub;
    }

    public URI url() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            boolean ollama = path.startsWith("/api/");
            boolean chat = path.contains("chat");
            exchange.getResponseHeaders().set("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            TimeUnit.MILLISECONDS.sleep(FIRST_WORD_DELAY_MS);
            OutputStream out = exchange.getResponseBody();
            write(out, ollama, line(ollama, chat, "The user wants a sum.", true, false));
            for (String word : WORDS) {
                write(out, ollama, line(ollama, chat, word, false, false));
            }
            write(out, ollama, line(ollama, chat, "", false, true));
            if (!ollama) {
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The client cut the stream, as typing does.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, boolean ollama, ObjectNode line) throws IOException {
        out.write(((ollama ? "" : "data: ") + line + (ollama ? "\n" : "\n\n")).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One line of the stream as each API writes it; reasoning goes in the field that API uses for it. */
    private ObjectNode line(boolean ollama, boolean chat, String text, boolean reasoning, boolean last) {
        ObjectNode line = json.createObjectNode();
        if (ollama) {
            ObjectNode holder = chat ? line.putObject("message").put("role", "assistant") : line;
            holder.put(reasoning ? "thinking" : chat ? "content" : "response", text);
            line.put("done", last);
            if (last) {
                line.put("done_reason", "stop");
            }
        } else {
            ObjectNode choice = line.putArray("choices").addObject().put("index", 0);
            ObjectNode holder = chat ? choice.putObject("delta") : choice;
            holder.put(reasoning ? "reasoning_content" : chat ? "content" : "text", text);
            if (last) {
                choice.put("finish_reason", "stop");
            } else {
                choice.putNull("finish_reason");
            }
        }
        return line;
    }
}
