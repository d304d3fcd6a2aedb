package dev.gptoss.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The process contract benchmarks, the editor end-to-end tests and a person trying the server rely on. */
class FakeModelBackendMainTest {
    private final LoopbackHttp http = new LoopbackHttp();

    @Test
    void printsItsUrlServesAndExitsWhenStdinCloses() throws Exception {
        Process process = start("--port", "0", "--flavor", "vllm", "--answer", "42", "--models", "m1,m2",
                "--exit-on-stdin-eof");
        try {
            URI url = urlPrintedBy(process);

            assertEquals("m2", http.parse(http.get(url, "/v1/models").body()).at("/data/1/id").asText());
            process.getOutputStream().close();

            assertTrue(process.waitFor(5, TimeUnit.SECONDS), "exits on stdin EOF");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withoutOptionsItHasBothGptOssModelsAndAnswersWithCode() throws Exception {
        Process process = start("--port", "0");
        try {
            URI url = urlPrintedBy(process);

            var tags = http.parse(http.get(url, "/api/tags").body());
            assertEquals(List.of("gpt-oss:20b", "gpt-oss:120b"), List.of(tags.at("/models/0/name").asText(),
                    tags.at("/models/1/name").asText()));
            var body = http.json.createObjectNode().put("model", "gpt-oss:120b").put("prompt", "def add(a, b):")
                    .put("stream", false);
            var reply = http.parse(http.send(http.post(url, "/api/generate", body)).body());
            assertEquals(FakeModelBackendMain.DEFAULT_ANSWER, reply.path("response").asText());
            process.getOutputStream().close();
            assertTrue(process.isAlive(), "a fake started by hand does not stop when its stdin ends");
        } finally {
            process.destroy();
            assertTrue(process.waitFor(5, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }

    @Test
    void itListensWhereTheFlavorsRealServerDoes() {
        assertEquals(11434, FakeModelBackendMain.defaultPort(Flavor.OLLAMA));
        assertEquals(8000, FakeModelBackendMain.defaultPort(Flavor.VLLM));
        assertEquals(8080, FakeModelBackendMain.defaultPort(Flavor.LLAMACPP));
    }

    @Test
    void helpListsEveryOptionOnStdout() throws Exception {
        Process process = start("--help");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        for (String option : List.of("--flavor", "--port", "--answer", "--reasoning", "--service-ms",
                "--first-token-ms", "--models", "--api-key", "--exit-on-stdin-eof")) {
            assertTrue(out.contains(option), option + " in\n" + out);
        }
    }

    @Test
    void aBadOptionOrATakenPortExitsWithTwoAndSaysWhatToDo() throws Exception {
        assertFails(List.of("--flavor", "tgi"), "--flavor must be ollama, vllm, llamacpp or tabby");
        assertFails(List.of("--port", "eleven"), "--port needs a whole number");
        assertFails(List.of("--verbose"), "unknown option --verbose");
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFails(List.of("--port", String.valueOf(taken.getLocalPort())), "--port N");
        }
    }

    private static void assertFails(List<String> args, String expected) throws Exception {
        Process process = start(args.toArray(String[]::new));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), err);
        assertTrue(err.contains(expected), expected + " in: " + err);
    }

    private static Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                FakeModelBackendMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static URI urlPrintedBy(Process process) throws IOException {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        assertTrue(line != null && line.startsWith("FAKE_BACKEND_URL=http://127.0.0.1:"), String.valueOf(line));
        return URI.create(line.substring("FAKE_BACKEND_URL=".length()));
    }
}
