package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The built jar as a child process, spoken to in raw bytes: frames are written by hand, so they
 * can be wrong on purpose, and every byte the server writes to stdout is checked to be a frame.
 * Responses are matched to requests by their id as JSON text ({@code 7}, {@code "a"}, {@code null}).
 */
final class RawLspConnection implements AutoCloseable {
    final Process process;
    final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
    final List<JsonObject> nullIdErrors = new CopyOnWriteArrayList<>();
    private final OutputStream stdin;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final StringBuffer stderr = new StringBuffer();
    private final List<String> stdoutProblems = new CopyOnWriteArrayList<>();
    private int nextId = 1_000_000;

    RawLspConnection(List<String> jvmOptions) throws IOException {
        var command = new ArrayList<String>();
        command.add(ServerProcess.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", ServerProcess.jar()));
        process = new ProcessBuilder(command).start();
        stdin = process.getOutputStream();
        daemon("stderr", () -> {
            try (InputStream err = process.getErrorStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = err.read(buffer)) > 0) {
                    // Keep the tail only: a fuzz run logs a lot.
                    stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > 200_000) {
                        stderr.delete(0, stderr.length() - 100_000);
                    }
                }
            } catch (IOException ignored) {
                // The process is gone.
            }
        });
        daemon("stdout", this::readFrames);
    }

    /** Writes bytes as they are: a frame, half of one, or junk. */
    synchronized void writeRaw(byte[] bytes) throws IOException {
        stdin.write(bytes);
        stdin.flush();
    }

    void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var frame = new ByteArrayOutputStream(body.length + 32);
        frame.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        frame.writeBytes(body);
        writeRaw(frame.toByteArray());
    }

    /** Sends a request with a fresh numeric id; the future gets the whole response object. */
    CompletableFuture<JsonObject> request(String method, String paramsJson) throws IOException {
        int id;
        synchronized (this) {
            id = nextId++;
        }
        return requestWithId(String.valueOf(id), method, paramsJson);
    }

    /** Sends a request with the given id (JSON text); the future gets the response with that id. */
    CompletableFuture<JsonObject> requestWithId(String idJson, String method, String paramsJson) throws IOException {
        CompletableFuture<JsonObject> response = expect(idJson);
        send("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"" + method + "\""
                + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}");
        return response;
    }

    /** A future for the response with this id (JSON text), for requests written by hand. */
    CompletableFuture<JsonObject> expect(String idJson) {
        return pending.computeIfAbsent(JsonParser.parseString(idJson).toString(), k -> new CompletableFuture<>());
    }

    void notify(String method, String paramsJson) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    }

    /** What the server wrote to stdout that was not an LSP frame carrying JSON-RPC; empty is right. */
    List<String> stdoutProblems() {
        return List.copyOf(stdoutProblems);
    }

    String stderr() {
        return stderr.toString();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readFrames() {
        try (InputStream out = process.getInputStream()) {
            while (true) {
                String header = readHeader(out);
                if (header == null) {
                    return;
                }
                if (!header.startsWith("Content-Length: ") || header.contains("\n")) {
                    stdoutProblems.add("not a frame header: " + header);
                    return;
                }
                int length = Integer.parseInt(header.substring("Content-Length: ".length()).strip());
                byte[] body = out.readNBytes(length);
                String text = new String(body, StandardCharsets.UTF_8);
                if (!text.startsWith("{\"jsonrpc\":\"2.0\"")) {
                    stdoutProblems.add("frame is not JSON-RPC: " + text);
                    continue;
                }
                dispatch(JsonParser.parseString(text).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            if (process.isAlive()) {
                stdoutProblems.add("cannot read stdout: " + e);
            }
        }
    }

    private void dispatch(JsonObject message) throws IOException {
        if (message.has("method")) {
            if (message.has("id")) {
                // A request from the server (none is expected): answer it so nothing waits.
                send("{\"jsonrpc\":\"2.0\",\"id\":" + message.get("id") + ",\"result\":null}");
            } else {
                notifications.add(message);
            }
            return;
        }
        JsonElement id = message.get("id");
        if (id == null || id.isJsonNull()) {
            nullIdErrors.add(message);
            return;
        }
        pending.computeIfAbsent(id.toString(), k -> new CompletableFuture<>()).complete(message);
    }

    /** The header block up to the blank line, without it; null at the end of the stream. */
    private static String readHeader(InputStream in) throws IOException {
        var header = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            header.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (header.size() > 4096) {
                return header.toString(StandardCharsets.UTF_8);
            }
        }
        String text = header.toString(StandardCharsets.UTF_8);
        return text.substring(0, text.length() - 4);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, "raw-lsp-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
