package dev.gptoss.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The process contract benchmarks and the editor end-to-end test rely on. */
class FakeModelBackendMainTest {
    private final LoopbackHttp http = new LoopbackHttp();

    @Test
    void printsItsUrlServesAndExitsWhenStdinCloses() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FakeModelBackendMain.class.getName(), "--flavor", "vllm", "--answer", "42", "--models", "m1,m2")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertTrue(line.startsWith("FAKE_BACKEND_URL=http://127.0.0.1:"), line);
            URI url = URI.create(line.substring("FAKE_BACKEND_URL=".length()));

            assertEquals("m2", http.parse(http.get(url, "/v1/models").body()).at("/data/1/id").asText());
            process.getOutputStream().close();

            assertTrue(process.waitFor(5, TimeUnit.SECONDS), "exits on stdin EOF");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }
}
