package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.documents.TextPosition;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: hostile input through the built jar over stdio, as an editor starts it (with
 * {@code -Xmx256m}). Over 10,000 messages from a fixed seed, category by category; after each
 * category a normal completion must still work within its usual time, and every request must
 * have had the answer the spec asks for. stdout must carry nothing but frames throughout.
 */
class GuardianFuzzIT {
    private static final long SEED = 20_261_126L;
    private static final String ANSWER = "a + b";
    private static final Duration NORMAL_COMPLETION_MAX = Duration.ofSeconds(5);
    private static final int INVALID_PARAMS = -32602;
    private static final int METHOD_NOT_FOUND = -32601;
    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;
    private static final int REQUEST_CANCELLED = -32800;

    private final Random random = new Random(SEED);
    private FakeModelBackend backend;
    private RawLspConnection server;
    private int messages;
    private int documents;

    @Test
    void hostileInputNeverStopsTheServer() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        server = new RawLspConnection(List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1", "-Xmx256m"));
        try {
            initialize();
            category("malformed JSON", this::malformedJson);
            category("malformed frames", this::malformedFrames);
            category("wrong parameter types", this::wrongParameterTypes);
            category("unknown methods", this::unknownMethods);
            category("out-of-range positions", this::outOfRangePositions);
            category("stale versions and edits past the end", this::hostileEdits);
            category("binary and NUL documents", this::binaryDocuments);
            category("10 MB documents and 1 MB lines", this::hugeDocuments);
            category("surrogate pairs at the cursor", this::surrogatePairs);
            category("200 concurrent requests cancelled at once", this::massCancellation);
            assertTrue(messages >= 10_000, "only " + messages + " hostile messages");

            server.request("shutdown", null).get(10, TimeUnit.SECONDS);
            server.send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertTrue(server.process.waitFor(10, TimeUnit.SECONDS), "the server should exit after shutdown and exit");
            assertEquals(0, server.process.exitValue());
            assertEquals(List.of(), server.stdoutProblems(), "stdout must carry only protocol frames");
        } finally {
            server.close();
            backend.close();
        }
    }

    private interface Category {
        void run() throws Exception;
    }

    private void category(String name, Category category) throws Exception {
        backend.behavior().reset().answer(ANSWER);
        int before = messages;
        try {
            category.run();
        } catch (AssertionError | Exception e) {
            throw new AssertionError(name + " failed; server log tail:\n" + tail(server.stderr()), e);
        }
        assertTrue(server.alive(), "the server died during " + name + ":\n" + tail(server.stderr()));
        assertEquals(List.of(), server.stdoutProblems(), "stdout after " + name);
        backend.behavior().reset().answer(ANSWER);
        normalCompletionWorks(name);
        System.err.println("GuardianFuzzIT: " + name + ": " + (messages - before) + " messages");
    }

    private void initialize() throws Exception {
        var options = JsonParser.parseString("{\"gptoss\": " + LspSession.settingsFor(backend.url(), "ollama", "raw") + "}");
        var params = new JsonObject();
        params.addProperty("processId", ProcessHandle.current().pid());
        params.add("capabilities", new JsonObject());
        params.add("initializationOptions", options);
        server.request("initialize", params.toString()).get(60, TimeUnit.SECONDS);
        server.send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.notifications.stream().noneMatch(n -> n.get("method").getAsString().equals("gptoss/status")
                && n.getAsJsonObject("params").get("state").getAsString().equals("ready"))) {
            assertTrue(System.nanoTime() < deadline, "the fake backend was never reported ready");
            Thread.sleep(20);
        }
    }

    private void normalCompletionWorks(String after) throws Exception {
        String uri = "file:///work/normal/" + documents++ + ".py";
        open(uri, "def add(a, b):\n    return \n");
        long start = System.nanoTime();
        JsonObject response = server.request("textDocument/inlineCompletion", inlineParams(uri, 1, 11)).get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(response.has("result"), "after " + after + ": " + response);
        JsonArray items = response.getAsJsonObject("result").getAsJsonArray("items");
        assertEquals(1, items.size(), "after " + after + ": " + response + "\n" + tail(server.stderr()));
        assertEquals(ANSWER, items.get(0).getAsJsonObject().get("insertText").getAsString());
        assertTrue(took.compareTo(NORMAL_COMPLETION_MAX) < 0, "after " + after + " a completion took " + took);
        server.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
    }

    // ---- categories -------------------------------------------------------------------------

    private void malformedJson() throws Exception {
        var answers = new ArrayList<Expected>();
        int nullIdBefore = server.nullIdErrors.size();
        int expectedNullIds = 0;
        for (int i = 0; i < 1500; i++) {
            int kind = random.nextInt(6);
            String id = String.valueOf(900_000 + i);
            String full = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/inlineCompletion\","
                    + "\"params\":{\"textDocument\":{\"uri\":\"file:///x.py\"},\"position\":{\"line\":0,\"character\":0}}}";
            int paramsAt = full.indexOf("\"params\"");
            if (kind == 0) {
                // A request cut short after its method: ParseError, with its id.
                int cut = paramsAt + random.nextInt(full.length() - paramsAt - 1);
                answers.add(new Expected(server.expect(id), Set.of(PARSE_ERROR), false));
                server.send(full.substring(0, cut));
            } else if (kind == 5) {
                // Cut before its method is known: ParseError with a null id.
                int methodAt = full.indexOf("\"method\"");
                server.send(full.substring(0, methodAt + random.nextInt(paramsAt - methodAt - 1)));
                expectedNullIds++;
            } else if (kind == 1) {
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                junk[0] = '#';
                sendBody(junk);
                expectedNullIds++;
            } else if (kind == 2) {
                String[] notMessages = {"[]", "42", "\"text\"", "null", "true", "[1,2,3]", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1}}"};
                server.send(notMessages[random.nextInt(notMessages.length)]);
                expectedNullIds++;
            } else if (kind == 3) {
                // Nesting deep enough to overflow a recursive parser.
                int depth = 1000 + random.nextInt(20_000);
                server.send("[".repeat(depth) + "]".repeat(depth));
                expectedNullIds++;
            } else {
                // Bytes that are not UTF-8 inside an otherwise good request.
                byte[] prefix = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"gptoss/status\",\"params\":\"")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] bad = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28};
                byte[] body = new byte[prefix.length + bad.length + 2];
                System.arraycopy(prefix, 0, body, 0, prefix.length);
                System.arraycopy(bad, 0, body, prefix.length, bad.length);
                body[body.length - 2] = '"';
                body[body.length - 1] = '}';
                answers.add(new Expected(server.expect(id), Set.of(), true));
                sendBody(body);
            }
            messages++;
        }
        awaitAll(answers);
        int expected = expectedNullIds;
        awaitCondition(() -> server.nullIdErrors.size() - nullIdBefore >= expected,
                () -> "null-id errors: " + (server.nullIdErrors.size() - nullIdBefore) + " of " + expected);
    }

    private void malformedFrames() throws Exception {
        var answers = new ArrayList<Expected>();
        for (int i = 0; i < 250; i++) {
            switch (random.nextInt(7)) {
                case 0 -> server.writeRaw(ascii("Content-Length: abc\r\n\r\n{}"));
                case 1 -> server.writeRaw(ascii("Content-Type: application/json\r\n\r\n{\"jsonrpc\":\"2.0\"}"));
                case 2 -> server.writeRaw(ascii("Content-Length: -" + random.nextInt(1000) + "\r\n\r\n"));
                case 3 -> server.writeRaw(ascii("Content-Length: " + (2_000_000_000L + random.nextInt(1000)) + "\r\n\r\n"));
                case 4 -> server.writeRaw(ascii("Content-Length: 10\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}"));
                case 5 -> server.writeRaw(ascii("{\"jsonrpc\":\"2.0\",\"method\":\"no-header\"}\r\n" + "x".repeat(random.nextInt(5000)) + "\r\n"));
                default -> server.writeRaw(ascii("\r\n\r\ncontent-length: 2\r\n\r\n{}"));
            }
            messages++;
            // The frame after a broken one must be read and answered.
            answers.add(new Expected(server.request("gptoss/status", null), Set.of(), true));
            messages++;
        }
        awaitAll(answers);
    }

    private void wrongParameterTypes() throws Exception {
        String uri = "file:///work/fuzz/types.py";
        open(uri, "def add(a, b):\n    return \n");
        var answers = new ArrayList<Expected>();
        String[] requests = {"textDocument/inlineCompletion", "textDocument/completion", "textDocument/codeAction",
            "codeAction/resolve", "workspace/executeCommand"};
        String[] notifications = {"textDocument/didOpen", "textDocument/didChange", "textDocument/didClose",
            "textDocument/didSave", "workspace/didChangeWatchedFiles"};
        for (int i = 0; i < 2000; i++) {
            JsonObject good = JsonParser.parseString(inlineParams(uri, 1, 11)).getAsJsonObject();
            if (i % 4 == 3) {
                String method = notifications[random.nextInt(notifications.length)];
                JsonObject params = JsonParser.parseString(
                        "{\"textDocument\":{\"uri\":\"file:///work/fuzz/other.py\",\"version\":3,\"text\":\"x\",\"languageId\":\"python\"},"
                                + "\"contentChanges\":[{\"text\":\"y\"}],\"changes\":[]}").getAsJsonObject();
                server.send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + mutate(params) + "}");
            } else if (i % 4 == 2) {
                // Settings of the wrong shape: refused with a message, the configuration stays.
                JsonElement[] wrong = {new JsonPrimitive(5), new JsonPrimitive("x"), JsonParser.parseString("[1]"),
                    JsonParser.parseString("{\"gptoss\": {\"endpoints\": 5}}"),
                    JsonParser.parseString("{\"gptoss\": {\"guard\": {\"maxLineLength\": \"long\"}}}")};
                server.notify("workspace/didChangeConfiguration",
                        "{\"settings\":" + wrong[random.nextInt(wrong.length)] + "}");
            } else {
                String method = requests[random.nextInt(requests.length)];
                String params = random.nextInt(6) == 0 ? randomValue().toString() : mutate(good).toString();
                answers.add(new Expected(server.request(method, params), Set.of(INVALID_PARAMS), true));
            }
            messages++;
        }
        awaitAll(answers);
    }

    private void unknownMethods() throws Exception {
        var answers = new ArrayList<Expected>();
        String[] prefixes = {"textDocument/", "workspace/", "gptoss/", "foo/", "", "window/", "$/"};
        for (int i = 0; i < 1500; i++) {
            String method = prefixes[random.nextInt(prefixes.length)] + "unknown" + random.nextInt(1000);
            if (random.nextBoolean()) {
                answers.add(new Expected(server.request(method, "{}"), Set.of(METHOD_NOT_FOUND), false));
            } else {
                server.notify(method, "{\"x\":" + random.nextInt() + "}");
            }
            messages++;
        }
        awaitAll(answers);
    }

    private void outOfRangePositions() throws Exception {
        String uri = "file:///work/fuzz/positions.py";
        String text = "# ünïcode 😀\r\nprint(\"😀 start\")\r\n\tx = [1, 2,\n\n";
        open(uri, text);
        var answers = new ArrayList<Expected>();
        int[] lineLengths = {12, 17, 11, 0, 0};
        for (int i = 0; i < 1500; i++) {
            boolean inRange = random.nextInt(10) == 0;
            int line;
            int character;
            if (inRange) {
                line = random.nextInt(lineLengths.length);
                character = random.nextInt(lineLengths[line] + 1);
            } else {
                line = pick(-5, 1, 2, 5, 6, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE);
                character = pick(-1, 0, 3, 18, 100, Integer.MAX_VALUE, Integer.MIN_VALUE);
            }
            boolean invalid = line < 0 || line >= lineLengths.length || character < 0 || character > lineLengths[line];
            String method = random.nextBoolean() ? "textDocument/inlineCompletion" : "textDocument/completion";
            answers.add(new Expected(server.request(method, inlineParams(uri, line, character)),
                    invalid ? Set.of(INVALID_PARAMS) : Set.of(), !invalid));
            messages++;
        }
        awaitAll(answers);
    }

    private void hostileEdits() throws Exception {
        var models = new ArrayList<TextDocument>();
        for (int d = 0; d < 3; d++) {
            String uri = "file:///work/fuzz/edits" + d + ".py";
            String text = "def f(a):\n    return a\n\r\nclass C:\r\n    pass\n";
            open(uri, text);
            models.add(new TextDocument(uri, "python", 1, text));
        }
        // No astral characters here: a range may end between the halves of one, which the surrogate category covers.
        String alphabet = "abc xyz\n\r\t()=é";
        int[] versions = {1, 1, 1};
        for (int i = 0; i < 2000; i++) {
            int d = random.nextInt(models.size());
            TextDocument model = models.get(d);
            int lines = model.snapshot().lineCount();
            // Stale, repeated and jumping versions: applied in order all the same.
            versions[d] = random.nextInt(4) == 0 ? versions[d] - random.nextInt(3) : versions[d] + 1 + random.nextInt(3);
            JsonObject change = new JsonObject();
            String insert = randomText(alphabet, random.nextInt(12));
            if (random.nextInt(20) == 0 || model.snapshot().text().length() > 20_000) {
                change.addProperty("text", insert);
                model.replaceAll(insert);
            } else {
                TextPosition start = new TextPosition(pick(0, random.nextInt(lines + 1), lines + 5, -1),
                        pick(0, random.nextInt(20), 1000, -3));
                TextPosition end = new TextPosition(pick(start.line(), random.nextInt(lines + 1), Integer.MAX_VALUE),
                        pick(0, random.nextInt(30), Integer.MAX_VALUE));
                change.add("range", range(start, end));
                change.addProperty("text", insert);
                model.applyEdit(start, end, insert);
            }
            server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + model.uri() + "\",\"version\":"
                    + versions[d] + "},\"contentChanges\":[" + change + "]}");
            messages++;
        }
        // Every document must still be exactly what the editor has: a completion at its end sends
        // the text before the cursor, which must match the client's copy.
        for (TextDocument model : models) {
            backend.reset();
            backend.behavior().reset().answer(ANSWER);
            var snapshot = model.snapshot();
            int lastLine = snapshot.lineCount() - 1;
            int column = snapshot.lineText(lastLine).length();
            JsonObject response = server.request("textDocument/inlineCompletion", inlineParams(model.uri(), lastLine, column))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(response.has("result"), response.toString());
            String text = snapshot.text();
            String tail = text.substring(Math.max(0, text.length() - 300));
            List<RecordedRequest> prompts = backend.requests("/api/generate");
            if (text.isBlank()) {
                continue;
            }
            assertTrue(prompts.stream().anyMatch(r -> r.json().path("prompt").asText().contains(tail + "<CURSOR>")),
                    "the server's copy of " + model.uri() + " differs from the editor's; expected to end with:\n" + tail
                            + "\nprompts: " + prompts.stream().map(r -> r.json().path("prompt").asText()).toList());
        }
    }

    private void binaryDocuments() throws Exception {
        var answers = new ArrayList<Expected>();
        for (int i = 0; i < 100; i++) {
            String uri = "file:///work/fuzz/binary" + i + ".bin";
            byte[] bytes = new byte[100 + random.nextInt(3000)];
            random.nextBytes(bytes);
            String text = i % 2 == 0 ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : "print('x')\n" + "\0".repeat(1 + random.nextInt(50)) + "\n";
            open(uri, text);
            answers.add(new Expected(server.request("textDocument/inlineCompletion", inlineParams(uri, 0, 0)),
                    Set.of(), true));
            server.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
            messages += 3;
        }
        awaitAll(answers);
        assertNoModelRequestMentions("binary");
        for (Expected answer : answers) {
            assertEquals(0, answer.response.get().getAsJsonObject("result").getAsJsonArray("items").size());
        }
    }

    private void hugeDocuments() throws Exception {
        String big = "file:///work/fuzz/big.py";
        String line = "value_0000000 = compute(1, 2, 3)  # padding padding padding padding padding\n";
        open(big, line.repeat(10 * 1024 * 1024 / line.length()));
        messages++;
        for (int i = 0; i < 3; i++) {
            int at = random.nextInt(100_000);
            server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + big + "\",\"version\":" + (2 + i)
                    + "},\"contentChanges\":[{\"range\":" + range(new TextPosition(at, 0), new TextPosition(at, 0))
                    + ",\"text\":\"x = 1\\n\"}]}");
            messages++;
        }
        assertQuickEmptyAnswer(big, 50_000, 4);
        messages++;
        server.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + big + "\"}}");
        messages++;

        String wide = "file:///work/fuzz/wide.js";
        open(wide, "var x = [" + "1,".repeat(512 * 1024) + "];\n");
        messages++;
        for (int column : new int[] {0, 9, 500_000, 1_048_000}) {
            assertQuickEmptyAnswer(wide, 0, column);
            messages++;
        }
        server.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + wide + "\"}}");
        messages++;
        assertNoModelRequestMentions("big.py");
        assertNoModelRequestMentions("wide.js");
    }

    private void surrogatePairs() throws Exception {
        String uri = "file:///work/fuzz/emoji.py";
        String line = "s = \"😀😁👍🏽🇫🇷\"  # 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
        open(uri, line + "\n" + line + "\n");
        var answers = new ArrayList<Expected>();
        for (int i = 0; i < 300; i++) {
            int character = random.nextInt(line.length() + 1);
            if (i % 3 == 2) {
                server.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + (2 + i)
                        + "},\"contentChanges\":[{\"range\":" + range(new TextPosition(1, character), new TextPosition(1, character))
                        + ",\"text\":\"x\"}]}");
            } else {
                answers.add(new Expected(server.request("textDocument/inlineCompletion", inlineParams(uri, 0, character)),
                        Set.of(REQUEST_CANCELLED), true));
            }
            messages++;
        }
        awaitAll(answers);
    }

    private void massCancellation() throws Exception {
        backend.behavior().firstTokenDelay(Duration.ofSeconds(3));
        var answers = new ArrayList<Expected>();
        var ids = new ArrayList<Integer>();
        for (int d = 0; d < 200; d++) {
            String uri = "file:///work/fuzz/cancel" + (d % 20) + ".py";
            if (d < 20) {
                open(uri, "def add(a, b):\n    return \n");
            }
            int id = 800_000 + d;
            ids.add(id);
            answers.add(new Expected(server.requestWithId(String.valueOf(id), "textDocument/inlineCompletion",
                    inlineParams(uri, 1, 11)), Set.of(REQUEST_CANCELLED), true));
            messages++;
        }
        for (int id : ids) {
            server.notify("$/cancelRequest", "{\"id\":" + id + "}");
            messages++;
        }
        awaitAll(answers);
        long cancelled = answers.stream().filter(a -> a.response.join().has("error")).count();
        assertTrue(cancelled > 100, "most requests should have been answered as cancelled: " + cancelled);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * @param errors the error codes allowed
     * @param resultAllowed whether a result (rather than an error) is right too
     */
    private record Expected(CompletableFuture<JsonObject> response, Set<Integer> errors, boolean resultAllowed) {
    }

    private void awaitAll(List<Expected> answers) throws Exception {
        CompletableFuture.allOf(answers.stream().map(Expected::response).toArray(CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
        for (Expected answer : answers) {
            JsonObject response = answer.response.get();
            if (response.has("error")) {
                int code = response.getAsJsonObject("error").get("code").getAsInt();
                if (!answer.errors.contains(code)) {
                    fail("error " + code + " where " + answer.errors + (answer.resultAllowed ? " or a result" : "")
                            + " was right: " + response);
                }
            } else if (!answer.resultAllowed) {
                fail("a result where an error " + answer.errors + " was right: " + response);
            }
        }
    }

    private void assertQuickEmptyAnswer(String uri, int line, int character) throws Exception {
        long start = System.nanoTime();
        JsonObject response = server.request("textDocument/inlineCompletion", inlineParams(uri, line, character))
                .get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(0, response.getAsJsonObject("result").getAsJsonArray("items").size(), response.toString());
        assertTrue(took.compareTo(NORMAL_COMPLETION_MAX) < 0, "answering about " + uri + " took " + took);
    }

    private void assertNoModelRequestMentions(String name) {
        for (RecordedRequest request : backend.requests()) {
            assertTrue(!request.body().contains(name), () -> "a model request was sent for " + name + ": "
                    + request.path() + " " + request.body().substring(0, Math.min(3000, request.body().length())));
        }
    }

    private void awaitCondition(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out: " + what.get());
            }
            Thread.sleep(20);
        }
    }

    private void open(String uri, String text) throws IOException {
        var item = new JsonObject();
        item.addProperty("uri", uri);
        item.addProperty("languageId", "python");
        item.addProperty("version", 1);
        item.addProperty("text", text);
        var params = new JsonObject();
        params.add("textDocument", item);
        server.notify("textDocument/didOpen", params.toString());
    }

    private void sendBody(byte[] body) throws IOException {
        byte[] header = ascii("Content-Length: " + body.length + "\r\n\r\n");
        byte[] frame = new byte[header.length + body.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(body, 0, frame, header.length, body.length);
        server.writeRaw(frame);
    }

    private static String inlineParams(String uri, int line, int character) {
        return "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":"
                + character + "},\"context\":{\"triggerKind\":2}}";
    }

    private static JsonObject range(TextPosition start, TextPosition end) {
        var range = new JsonObject();
        range.add("start", position(start));
        range.add("end", position(end));
        return range;
    }

    private static JsonObject position(TextPosition at) {
        var position = new JsonObject();
        position.addProperty("line", at.line());
        position.addProperty("character", at.character());
        return position;
    }

    /** A copy of the object with one field somewhere replaced by a value of another type, or removed. */
    private JsonObject mutate(JsonObject original) {
        JsonObject copy = original.deepCopy();
        JsonObject target = copy;
        while (true) {
            var keys = new ArrayList<>(target.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            JsonElement value = target.get(key);
            if (value.isJsonObject() && !value.getAsJsonObject().keySet().isEmpty() && random.nextBoolean()) {
                target = value.getAsJsonObject();
                continue;
            }
            if (random.nextInt(4) == 0) {
                target.remove(key);
            } else {
                target.add(key, randomValue());
            }
            return copy;
        }
    }

    private JsonElement randomValue() {
        return switch (random.nextInt(8)) {
            case 0 -> JsonNull.INSTANCE;
            case 1 -> new JsonPrimitive(random.nextInt());
            case 2 -> new JsonPrimitive(random.nextDouble() * 1e12);
            case 3 -> new JsonPrimitive("text" + random.nextInt(100));
            case 4 -> new JsonPrimitive(random.nextBoolean());
            case 5 -> JsonParser.parseString("[1, \"two\", null]");
            case 6 -> JsonParser.parseString("{\"unexpected\": {\"deep\": [true]}}");
            default -> new JsonPrimitive("9".repeat(30));
        };
    }

    private String randomText(String alphabet, int length) {
        int[] codePoints = alphabet.codePoints().toArray();
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    private int pick(int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 4000));
    }
}
