package dev.gptoss.fake;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes HTTP/1.1 responses: whole bodies with Content-Length, streams with chunked encoding. */
final class HttpResponseWriter {
    private static final Map<Integer, String> REASONS = Map.of(
            200, "OK", 400, "Bad Request", 401, "Unauthorized", 404, "Not Found",
            405, "Method Not Allowed", 429, "Too Many Requests", 500, "Internal Server Error",
            502, "Bad Gateway", 503, "Service Unavailable");

    private final OutputStream out;

    HttpResponseWriter(OutputStream socketOutput) {
        this.out = new BufferedOutputStream(socketOutput);
    }

    void writeWhole(int status, String contentType, byte[] body, boolean closeAfter) throws IOException {
        writeHead(status, contentType, "Content-Length: " + body.length, closeAfter);
        out.write(body);
        out.flush();
    }

    void startChunked(int status, String contentType, boolean closeAfter) throws IOException {
        writeHead(status, contentType, "Transfer-Encoding: chunked", closeAfter);
        out.flush();
    }

    void writeChunk(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return;
        }
        out.write(ascii(Integer.toHexString(bytes.length) + "\r\n"));
        out.write(bytes);
        out.write(ascii("\r\n"));
        out.flush();
    }

    void endChunked() throws IOException {
        out.write(ascii("0\r\n\r\n"));
        out.flush();
    }

    private void writeHead(int status, String contentType, String framing, boolean closeAfter) throws IOException {
        String head = "HTTP/1.1 " + status + " " + REASONS.getOrDefault(status, "Status") + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + framing + "\r\n"
                + "Connection: " + (closeAfter ? "close" : "keep-alive") + "\r\n"
                + "\r\n";
        out.write(ascii(head));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
