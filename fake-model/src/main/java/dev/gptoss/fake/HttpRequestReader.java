package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads HTTP/1.1 requests from one connection, and can tell whether the peer has hung up while
 * the fake is silent (a read that returns -1 within a short timeout).
 */
final class HttpRequestReader {
    private static final int MAX_LINE = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final ObjectMapper json;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    HttpRequestReader(Socket socket, ObjectMapper json) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.json = json;
    }

    /** The next request, or null if the client closed the connection between requests. */
    RecordedRequest readRequest() throws IOException {
        String requestLine = readLine(true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(true);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line: " + requestLine);
        }
        Map<String, List<String>> headers = readHeaders();
        String body = new String(readBody(headers), StandardCharsets.UTF_8);
        String target = parts[1];
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        return new RecordedRequest(parts[0], path, query, headers, body, parse(body));
    }

    private static boolean expectsContinue(Map<String, List<String>> headers) {
        List<String> expect = headers.get("expect");
        return expect != null && expect.stream().anyMatch(v -> v.equalsIgnoreCase("100-continue"));
    }

    /**
     * Waits up to {@code millis} for the peer to close the connection. Bytes that arrive instead
     * stay buffered for the next request.
     */
    boolean peerClosed(int millis) {
        if (position < limit) {
            LockSupport.parkNanos(millis * 1_000_000L);
            return false;
        }
        try {
            socket.setSoTimeout(millis);
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                return true;
            }
            position = 0;
            limit = read;
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            try {
                socket.setSoTimeout(0);
            } catch (IOException ignored) {
                // The socket is closed; the next read or write reports it.
            }
        }
    }

    private Map<String, List<String>> readHeaders() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header line: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        return headers;
    }

    private byte[] readBody(Map<String, List<String>> headers) throws IOException {
        if (expectsContinue(headers)) {
            socket.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunkedBody();
        }
        List<String> length = headers.get("content-length");
        return length == null ? new byte[0] : readExactly(Integer.parseInt(length.get(0).trim()));
    }

    private byte[] readChunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(false).isEmpty()) {
                    // Trailers are not used by any client of the fake.
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(size));
            readLine(false);
        }
    }

    private byte[] readExactly(int count) throws IOException {
        byte[] bytes = new byte[count];
        for (int filled = 0; filled < count; ) {
            if (!fill()) {
                throw new EOFException("connection closed inside a request body");
            }
            int n = Math.min(count - filled, limit - position);
            System.arraycopy(buffer, position, bytes, filled, n);
            position += n;
            filled += n;
        }
        return bytes;
    }

    /** A CRLF- or LF-terminated line in ISO-8859-1; null at EOF if {@code eofAllowed} and nothing was read. */
    private String readLine(boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!fill()) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a request head");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("request line or header too long");
            }
            line.write(b);
        }
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private JsonNode parse(String body) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
