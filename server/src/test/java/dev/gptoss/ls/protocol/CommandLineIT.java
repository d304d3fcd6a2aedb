package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code complete} and {@code status}, run as a user would from a terminal. */
class CommandLineIT {
    @TempDir
    Path dir;

    @Test
    void statusReportsEachEndpointAndItsPromptMode() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().models("gpt-oss:20b");
            Path config = writeConfig(backend.url().toString());
            var run = run("status", "--config", config.toString());
            assertEquals(0, run.exitCode, run.output);
            assertTrue(run.output.contains("reachable:  yes — Ollama"), run.output);
            assertTrue(run.output.contains("model gpt-oss:20b (fast): available"), run.output);
            assertTrue(run.output.contains("completion mode: raw harmony (/api/generate raw)"), run.output);
        }
    }

    @Test
    void statusWithNothingRunningSaysHowToStartOllama() throws Exception {
        Path config = writeConfig("http://127.0.0.1:" + freePort());
        var run = run("status", "--config", config.toString());
        assertEquals(1, run.exitCode, run.output);
        assertTrue(run.output.contains("reachable:  no"), run.output);
        assertTrue(run.output.contains("ollama serve"), run.output);
        assertTrue(run.output.contains("ollama pull gpt-oss:20b"), run.output);
    }

    @Test
    void completePrintsOneSuggestionForAFilePosition() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer("a + b");
            Path file = dir.resolve("calc.py");
            Files.writeString(file, "def add(a, b):\n    return \n");
            writeConfig(backend.url().toString());
            var run = run("complete", file + ":2:12");
            assertEquals(0, run.exitCode, run.output);
            assertEquals("a + b", run.stdout.strip());
        }
    }

    private Path writeConfig(String url) throws IOException {
        Path config = dir.resolve(".gptoss.json");
        Files.writeString(config, "{\"gptoss\": {\"endpoints\": [{\"name\": \"local\", \"url\": \"" + url
                + "\", \"api\": \"ollama\"}], \"health\": {\"timeoutMs\": 1000}}}");
        return config;
    }

    private record Run(int exitCode, String stdout, String output) {
    }

    private Run run(String... args) throws Exception {
        var command = new ArrayList<>(List.of(ServerProcess.javaBinary(), "-jar", ServerProcess.jar()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        var stderr = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                stderr.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // Keep what was read.
            }
        });
        drain.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        drain.join(5000);
        return new Run(process.exitValue(), stdout, stdout + "\n--- stderr ---\n" + stderr);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
