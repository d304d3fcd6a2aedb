package dev.gptoss.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;

/**
 * One request and the means to answer it: whole bodies, paced streams, and deliberate drops.
 * Every write failure and every hang-up noticed while waiting becomes a {@link ClientHungUpException}.
 */
final class FakeExchange {
    /** How soon a hang-up is noticed while the fake is silent: a simulated slot is free again within this. */
    private static final int POLL_MILLIS = 2;

    private final RecordedRequest request;
    private final FakeBehavior behavior;
    private final ObjectMapper json;
    private final Socket socket;
    private final HttpRequestReader reader;
    private final HttpResponseWriter writer;
    private final boolean closeAfter;
    private boolean dropped;

    FakeExchange(RecordedRequest request, FakeBehavior behavior, ObjectMapper json, Socket socket,
            HttpRequestReader reader, HttpResponseWriter writer) {
        this.request = request;
        this.behavior = behavior;
        this.json = json;
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.closeAfter = "close".equalsIgnoreCase(request.header("connection"));
    }

    RecordedRequest request() {
        return request;
    }

    FakeBehavior behavior() {
        return behavior;
    }

    ObjectNode newObject() {
        return json.createObjectNode();
    }

    /** Whether the connection must close after this exchange (client asked, or the fake dropped it). */
    boolean connectionEnds() {
        return closeAfter || dropped;
    }

    boolean dropped() {
        return dropped;
    }

    /** Sends a JSON body at once. */
    void sendJson(int status, JsonNode body) throws IOException {
        send(status, "application/json; charset=utf-8", serialize(body));
    }

    void sendText(int status, String text) throws IOException {
        send(status, "text/plain; charset=utf-8", text);
    }

    /**
     * A generated non-streamed answer, built and sent when the whole stream would have ended.
     * {@code pieces} are the texts the stream would have carried, for the pacing.
     */
    void sendGenerated(Supplier<? extends JsonNode> body, List<String> pieces) throws IOException {
        Pacing.Paced paced = behavior.pacing().begin(request, pieces);
        try {
            waitUntil(() -> paced.deadline(pieces.size()));
        } catch (ClientHungUpException e) {
            paced.end(0, true);
            throw e;
        }
        if (behavior.dropAfterChunks() >= 0) {
            paced.end(0, true);
            drop();
            return;
        }
        String text = serialize(body.get());
        try {
            send(200, "application/json; charset=utf-8",
                    behavior.malformedStream() ? text.substring(0, text.length() / 2) : text);
        } catch (ClientHungUpException e) {
            paced.end(0, true);
            throw e;
        }
        paced.end(pieces.size(), false);
    }

    /**
     * Streams the text chunks as they fall due, then the final event and the terminator. Headers go
     * out with the first chunk, as Ollama does, so a client waiting for the first token is still
     * inside {@code send} and a cancel aborts the exchange. {@code texts} are the chunks' texts.
     */
    void stream(StreamFraming framing, List<ObjectNode> chunks, List<String> texts, Supplier<ObjectNode> last)
            throws IOException {
        Pacing.Paced paced = behavior.pacing().begin(request, texts);
        int sent = 0;
        try {
            int dropAfter = behavior.dropAfterChunks();
            boolean started = false;
            for (int i = 0; i <= chunks.size(); i++) {
                int index = i;
                waitUntil(() -> paced.deadline(index));
                if (dropAfter >= 0 && i >= dropAfter) {
                    paced.end(sent, true);
                    drop();
                    return;
                }
                if (!started) {
                    request.respondedWith(200);
                    guard(() -> writer.startChunked(200, framing.contentType(), closeAfter));
                    started = true;
                }
                String event = serialize(i < chunks.size() ? chunks.get(i) : last.get());
                String frame = framing.frame(event)
                        + (i == 0 && behavior.malformedStream() ? framing.malformed(event) : "")
                        + (i == chunks.size() ? framing.terminator() : "");
                guard(() -> writer.writeChunk(frame));
                sent = Math.min(i + 1, chunks.size());
            }
            guard(writer::endChunked);
        } catch (ClientHungUpException e) {
            paced.end(sent, true);
            throw e;
        }
        paced.end(sent, false);
    }

    /** Closes the socket with no further byte, like a server that crashed mid-response. */
    void drop() {
        dropped = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed: the drop has happened either way.
        }
    }

    /**
     * Sleeps until the deadline, checking every few ms whether the client hung up. The deadline is
     * asked again at each check: a request waiting for a simulated slot learns its time late.
     */
    void waitUntil(LongSupplier deadlineNanos) throws ClientHungUpException {
        for (long left = deadlineNanos.getAsLong() - System.nanoTime(); left > 0;
                left = deadlineNanos.getAsLong() - System.nanoTime()) {
            int millis = (int) Math.min(POLL_MILLIS, left / 1_000_000L);
            if (millis == 0) {
                LockSupport.parkNanos(left);
            } else if (reader.peerClosed(millis)) {
                throw new ClientHungUpException("client closed the connection while the fake was silent", null);
            }
        }
    }

    private void send(int status, String contentType, String body) throws IOException {
        request.respondedWith(status);
        guard(() -> writer.writeWhole(status, contentType, body.getBytes(StandardCharsets.UTF_8), closeAfter));
    }

    private String serialize(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode always serializes", e);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void guard(Write write) throws ClientHungUpException {
        try {
            write.run();
        } catch (IOException e) {
            throw new ClientHungUpException("client closed the connection while the fake was writing", e);
        }
    }
}
