package dev.gptoss.ls.protocol;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Reads LSP frames from the editor, in place of LSP4J's reader, which trusts them: it allocates
 * whatever {@code Content-Length} claims before reading (one bad header is an
 * {@code OutOfMemoryError} that ends the reading thread, and the server stops answering), keeps
 * header lines of any length, and loses the frame after a malformed one. Here a frame larger than
 * {@link #MAX_CONTENT_BYTES} or a header line longer than {@link #MAX_HEADER_LINE} is skipped, the
 * body is read as it arrives, a {@code Content-Length} anywhere in a line starts the next frame,
 * and a request whose JSON is fine but whose parameters have the wrong types is answered
 * InvalidParams (-32602), not ParseError.
 */
final class FrameReader implements MessageProducer, java.io.Closeable {
    private static final Logger LOG = Logger.getLogger(FrameReader.class.getName());
    /** A 10 MB document full of characters JSON escapes as {@code \\u0000} still fits. */
    static final int MAX_CONTENT_BYTES = 96 * 1024 * 1024;
    static final int MAX_HEADER_LINE = 1024;
    private static final String CONTENT_LENGTH = "content-length:";
    private static final int END = -2;
    private static final int NONE = -1;

    private final InputStream input;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private volatile boolean running;

    FrameReader(InputStream input, MessageJsonHandler json, MessageIssueHandler issues) {
        this.input = input;
        this.json = json;
        this.issues = issues;
    }

    @Override
    public void listen(MessageConsumer callback) {
        running = true;
        try {
            while (running) {
                int length = readHeaders();
                if (length == END) {
                    return;
                }
                if (length == NONE) {
                    LOG.warning("Skipped input that was not an LSP frame (no valid Content-Length)");
                    continue;
                }
                byte[] content = readContent(length);
                if (content == null) {
                    return;
                }
                try {
                    handle(new String(content, StandardCharsets.UTF_8), callback);
                } catch (StackOverflowError | OutOfMemoryError e) {
                    // One absurd message (nesting, size) must not end the only thread that reads the editor.
                    LOG.log(Level.SEVERE, "Dropped a message the server could not hold", e);
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> "The editor's input ended: " + e);
        }
    }

    @Override
    public void close() {
        running = false;
    }

    /**
     * The Content-Length of the next frame, {@link #NONE} for headers without a usable one, or
     * {@link #END}. Blank lines between frames are skipped; of a line longer than
     * {@link #MAX_HEADER_LINE} only the end is kept, where the next frame's header may follow junk.
     */
    private int readHeaders() throws IOException {
        int length = NONE;
        boolean sawLine = false;
        var line = new StringBuilder();
        while (true) {
            int b = input.read();
            if (b < 0) {
                return END;
            }
            if (b == '\n') {
                if (line.length() == 0) {
                    if (sawLine) {
                        return length;
                    }
                    continue;
                }
                int parsed = contentLength(line);
                if (parsed != NONE) {
                    length = parsed;
                }
                sawLine = true;
                line.setLength(0);
            } else if (b != '\r') {
                if (line.length() == MAX_HEADER_LINE) {
                    line.delete(0, MAX_HEADER_LINE / 2);
                }
                line.append((char) b);
            }
        }
    }

    /** The value of a Content-Length header anywhere in the line (after junk from a broken frame), or NONE. */
    private static int contentLength(CharSequence line) {
        String lower = line.toString().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf(CONTENT_LENGTH);
        if (at < 0) {
            return NONE;
        }
        String value = lower.substring(at + CONTENT_LENGTH.length()).trim();
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > MAX_CONTENT_BYTES) {
                LOG.warning("Skipped a frame announcing " + value + " bytes (at most " + MAX_CONTENT_BYTES + ")");
                return NONE;
            }
            return (int) n;
        } catch (NumberFormatException e) {
            LOG.warning("Skipped a frame with a bad Content-Length: " + value);
            return NONE;
        }
    }

    /** Reads the body as it arrives, growing the buffer, so a false length costs nothing up front. */
    private byte[] readContent(int length) throws IOException {
        var body = new ByteArrayOutputStream(Math.min(length, 64 * 1024));
        byte[] chunk = new byte[Math.min(length, 64 * 1024)];
        int left = length;
        while (left > 0) {
            int n = input.read(chunk, 0, Math.min(chunk.length, left));
            if (n < 0) {
                return null;
            }
            body.write(chunk, 0, n);
            left -= n;
        }
        return body.toByteArray();
    }

    private void handle(String content, MessageConsumer callback) {
        Message message;
        try {
            message = json.parseMessage(content);
        } catch (StackOverflowError e) {
            answerWithoutId(content, new IllegalArgumentException("nested too deeply"));
            return;
        } catch (MessageIssueException e) {
            if (e.getRpcMessage() instanceof RequestMessage) {
                issues.handle(e.getRpcMessage(), asInvalidParamsWhenJsonIsValid(e, content));
            } else if (e.getRpcMessage() instanceof NotificationMessage) {
                issues.handle(e.getRpcMessage(), e.getIssues());
            } else {
                // Cut before its method: LSP4J cannot tell a request from a response and stays silent.
                answerWithoutId(content, e);
            }
            return;
        } catch (RuntimeException e) {
            answerWithoutId(content, e);
            return;
        }
        if (message == null) {
            answerWithoutId(content, new IllegalArgumentException("empty message"));
            return;
        }
        if (message instanceof RequestMessage request && request.getMethod() != null
                && request.getMethod().startsWith("$/")) {
            // LSP4J answers unknown $/ requests with a null result; the spec asks for MethodNotFound.
            issues.handle(request, List.of(new MessageIssue("Unsupported request method: " + request.getMethod(),
                    ResponseErrorCode.MethodNotFound.getValue())));
            return;
        }
        try {
            callback.consume(message);
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Failed to handle a message; the server goes on", e);
        }
    }

    /**
     * JSON-RPC's answer to a message without a usable id: ParseError (-32700) when it is not JSON,
     * InvalidRequest (-32600) when it is JSON but not a message, both with a null id.
     */
    private void answerWithoutId(String content, RuntimeException problem) {
        LOG.warning("Answered a message that is not JSON-RPC with an error: " + problem.getMessage());
        boolean json = isJson(content);
        var request = new RequestMessage();
        request.setJsonrpc("2.0");
        request.setMethod("");
        if (json && identify(content, request)) {
            // A request LSP4J's adapters choke on (an enum given as 1e11, say): its parameters are wrong.
            issues.handle(request, List.of(new MessageIssue("Invalid params: " + problem.getMessage(),
                    ResponseErrorCode.InvalidParams.getValue())));
            return;
        }
        issues.handle(request, List.of(json
                ? new MessageIssue("Invalid request: not a JSON-RPC message", ResponseErrorCode.InvalidRequest.getValue())
                : new MessageIssue("Parse error: not JSON", ResponseErrorCode.ParseError.getValue())));
    }

    /** Copies a top-level string or number {@code id} and string {@code method} into the request; false without both. */
    private static boolean identify(String content, RequestMessage request) {
        try (var reader = new JsonReader(new StringReader(content))) {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                return false;
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                JsonToken token = reader.peek();
                if (name.equals("id") && token == JsonToken.NUMBER) {
                    String number = reader.nextString();
                    try {
                        request.setId(Integer.parseInt(number));
                    } catch (NumberFormatException e) {
                        request.setId(number);
                    }
                } else if (name.equals("id") && token == JsonToken.STRING) {
                    request.setId(reader.nextString());
                } else if (name.equals("method") && token == JsonToken.STRING) {
                    request.setMethod(reader.nextString());
                } else {
                    reader.skipValue();
                }
            }
            return request.getId() != null && !request.getMethod().isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the text is one JSON value; read as a stream, so nesting depth costs no stack. */
    private static boolean isJson(String content) {
        try (var reader = new JsonReader(new StringReader(content))) {
            reader.skipValue();
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * LSP4J reports parameters of the wrong type as a ParseError; the spec's answer to a request
     * whose JSON parses is InvalidParams.
     */
    private static List<MessageIssue> asInvalidParamsWhenJsonIsValid(MessageIssueException e, String content) {
        if (!(e.getRpcMessage() instanceof RequestMessage)) {
            return e.getIssues();
        }
        if (!isJson(content)) {
            return e.getIssues();
        }
        return e.getIssues().stream()
                .map(issue -> issue.getIssueCode() == ResponseErrorCode.ParseError.getValue()
                        ? new MessageIssue("Invalid params: " + issue.getText(), ResponseErrorCode.InvalidParams.getValue(),
                        issue.getCause())
                        : issue)
                .toList();
    }
}
