package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
    private final List<String> read = new ArrayList<>();
    private final List<String> answered = new ArrayList<>();

    @Test
    void goodFramesAreReadWhateverComesBetweenThem() {
        listen(frame(request(1)) + "\r\n\r\n" + "junk line\r\n" + frame(request(2)) + "content-length: 2\r\n\r\n{}"
                + frame(request(3)));
        assertEquals(List.of("1", "2", "3"), read);
    }

    @Test
    void aLyingOrBrokenHeaderCostsOnlyItsOwnFrame() {
        listen("Content-Length: 2000000000\r\n\r\n" + frame(request(1))
                + "Content-Length: abc\r\n\r\n" + frame(request(2))
                + "Content-Length: 10\r\n\r\n" + request(99) + frame(request(3))
                + "x".repeat(100_000) + frame(request(4)));
        assertEquals(List.of("1", "2", "3", "4"), read);
    }

    @Test
    void whatIsNotJsonRpcIsAnsweredWithTheSpecsErrors() {
        listen(frame("not json") + frame("[1, 2]") + frame("[".repeat(50_000))
                + frame("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"x\",\"params\":")
                + frame(request(6)));
        assertEquals(List.of("null:-32700", "null:-32600", "null:-32700", "5:-32700"), answered);
        assertEquals(List.of("6"), read);
    }

    private void listen(String input) {
        var reader = new FrameReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new MessageJsonHandler(Map.of()), this::issue);
        reader.listen(message -> read.add(String.valueOf(((RequestMessage) message).getId())));
    }

    private void issue(Message message, List<MessageIssue> issues) {
        String id = message instanceof RequestMessage request ? String.valueOf(request.getId()) : "?";
        answered.add(id + ":" + issues.get(0).getIssueCode());
    }

    private static String request(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"gptoss/status\"}";
    }

    private static String frame(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }
}
