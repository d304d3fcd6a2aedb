package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.fake.AnswerShape;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.InfillingGaps;
import dev.gptoss.fake.InfillingOracle;
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

/** {@code complete}, {@code status}, {@code trust} and {@code eval}, run as a user would from a terminal. */
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
    void statusWithNothingRunningSaysHowToStartOllamaOnce() throws Exception {
        Path config = writeConfig("http://127.0.0.1:" + freePort());
        var run = run("status", "--config", config.toString());
        assertEquals(3, run.exitCode, run.output);
        assertTrue(run.output.contains("reachable:  no — connection refused at http://127.0.0.1:"), run.output);
        assertEquals(1, occurrences(run.output, "ollama serve"), run.output);
        assertEquals(1, occurrences(run.output, "ollama pull gpt-oss:20b"), run.output);
    }

    @Test
    void completePrintsOneSuggestionForAFilePosition() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer("a + b");
            Path file = dir.resolve("calc.py");
            Files.writeString(file, "def add(a, b):\n    return \n");
            Path config = writeConfig(backend.url().toString());
            var run = run("complete", file + ":2:12", "--config", config.toString());
            assertEquals(0, run.exitCode, run.output);
            assertEquals("a + b", run.stdout.strip());
        }
    }

    @Test
    void completeWithNoModelServerSaysWhatFailedInOneLine() throws Exception {
        Path file = dir.resolve("calc.py");
        Files.writeString(file, "def add(a, b):\n    return \n");
        Path config = writeConfig("http://127.0.0.1:" + freePort());
        var run = run("complete", file + ":2:12", "--config", config.toString());
        assertEquals(3, run.exitCode, run.output);
        String line = run.output.lines().filter(l -> l.startsWith("gptoss-ls complete:")).findFirst().orElse("");
        assertTrue(line.contains("connection refused at http://127.0.0.1:") && line.contains("ollama serve"), run.output);
        var pastTheEnd = run("complete", file + ":99:1", "--config", config.toString());
        assertEquals(2, pastTheEnd.exitCode, pastTheEnd.output);
        assertTrue(pastTheEnd.output.contains("line 99 is past its end"), pastTheEnd.output);
    }

    /** A cloned repository's .gptoss.json names a foreign host and an environment variable to send as a key. */
    @Test
    void aWorkspaceFileSendsCodeAndKeysOnlyOnceApprovedAndOnlyAsApproved() throws Exception {
        try (var foreign = FakeModelBackend.start(Flavor.OLLAMA, "127.0.0.2", 0)) {
            foreign.behavior().answer("a + b");
            Path repo = Files.createDirectories(dir.resolve("cloned"));
            Path file = repo.resolve("calc.py");
            Files.writeString(file, "def add(a, b):\n    return \n");
            Path workspaceFile = repo.resolve(".gptoss.json");
            Files.writeString(workspaceFile, "{\"gptoss\": {\"endpoints\": [{\"name\": \"theirs\", \"url\": \""
                    + foreign.url() + "\", \"api\": \"ollama\", \"apiKeyEnv\": \"ANY_VARIABLE\"}]}}");
            // The user's own file points at a port where nothing runs, so nothing can answer here.
            writeUserConfig("http://127.0.0.1:" + freePort());

            var unapproved = run("complete", file + ":2:12");
            assertEquals(3, unapproved.exitCode, unapproved.output);
            assertTrue(unapproved.output.contains(workspaceFile + " is not approved"), unapproved.output);
            assertTrue(unapproved.output.contains("gptoss-ls trust " + repo), unapproved.output);
            assertEquals(List.of(), foreign.requests(), "nothing reaches the workspace's endpoint, not even a probe");

            var trust = run("trust", repo.toString());
            assertEquals(0, trust.exitCode, trust.output);
            assertTrue(trust.stdout.contains(foreign.url() + ", with the key in $ANY_VARIABLE"), trust.output);
            var approved = run("complete", file + ":2:12");
            assertEquals(0, approved.exitCode, approved.output);
            assertEquals("a + b", approved.stdout.strip());
            assertTrue(foreign.requests().stream().anyMatch(r -> "Bearer the-key-value".equals(r.header("Authorization"))),
                    "approved: the key goes with the code");

            Files.writeString(workspaceFile, Files.readString(workspaceFile).replace("theirs", "changed"));
            int before = foreign.requests().size();
            var edited = run("complete", file + ":2:12");
            assertEquals(3, edited.exitCode, edited.output);
            assertTrue(edited.output.contains("has changed since you approved it"), edited.output);
            assertEquals(before, foreign.requests().size(), "an edited file must be approved again");

            var untrust = run("untrust", repo.toString());
            assertEquals(0, untrust.exitCode, untrust.output);
        }
    }

    private void writeUserConfig(String url) throws IOException {
        Path file = Files.createDirectories(dir.resolve("xdg/gptoss-ls")).resolve("config.json");
        Files.writeString(file, "{\"gptoss\": {\"endpoints\": [{\"name\": \"mine\", \"url\": \"" + url
                + "\"}], \"health\": {\"timeoutMs\": 1000}}}");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void completeAtColumnOneOfAnEmptyLineKeepsTheIndentationTheModelSent() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer("    return value");
            Path file = dir.resolve("calc.py");
            Files.writeString(file, "def scale(value, factor):\n    \"\"\"Multiply value by factor.\"\"\"\n"
                    + "    if factor == 0:\n        return 0\n    value = value * factor\n\n");
            Path config = writeConfig(backend.url().toString());
            var run = run("complete", file + ":6:1", "--config", config.toString());
            assertEquals(0, run.exitCode, run.output);
            assertEquals("    return value\n", run.stdout);
        }
    }

    @Test
    void evalScoresAPerfectModelFromTheJarsOwnTasks() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            var tasks = Path.of("src/main/resources/dev/gptoss/ls/eval/HumanEval-SingleLineInfilling.jsonl.gz");
            backend.behavior().answer(new InfillingOracle(InfillingGaps.read(List.of(tasks)), AnswerShape.BARE,
                    "<CURSOR>", "python"));
            Path config = writeConfig(backend.url().toString());
            var run = run("eval", "--config", config.toString(), "--sample", "2", "--tasks", "single-line",
                    "--modes", "raw");
            assertEquals(0, run.exitCode, run.output);
            assertTrue(run.stdout.contains("| raw | single-line (2) | 100.0% | 100.0% | 2 |"), run.output);
        }
    }

    private Path writeConfig(String url) throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"gptoss\": {\"endpoints\": [{\"name\": \"local\", \"url\": \"" + url
                + "\", \"api\": \"ollama\"}], \"health\": {\"timeoutMs\": 1000}}}");
        return config;
    }

    private record Run(int exitCode, String stdout, String output) {
    }

    private Run run(String... args) throws Exception {
        var command = new ArrayList<>(List.of(ServerProcess.javaBinary(), "-jar", ServerProcess.jar()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile());
        // The user's own configuration (and approvals) live in a folder of the test's, never the real home.
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().put("ANY_VARIABLE", "the-key-value");
        Process process = builder.start();
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
