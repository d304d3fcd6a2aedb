package dev.gptoss.ls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.fake.AnswerShape;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.InfillingGap;
import dev.gptoss.fake.InfillingOracle;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.eval.InfillingTasks;
import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.telemetry.MetricsRecorder;
import dev.gptoss.sim.ModelSimulator;
import dev.gptoss.sim.Profiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gptoss-ls eval} against the project's fake answering as a perfect model. */
class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void aPerfectModelScoresFullMarksInBothPromptModesWithProgressOnStderrOnly() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer(new InfillingOracle(allGaps(), AnswerShape.FENCED, "<CURSOR>", "python"));
            var run = eval("--config", config(backend).toString(), "--sample", "3", "--seed", "7");

            assertEquals(0, run.exitCode, run.err);
            for (String mode : List.of("raw", "chat")) {
                assertTrue(run.out.contains("| " + mode + " | single-line (3) | 100.0% | 100.0% | 3 |"), run.out);
                assertTrue(run.out.contains("| " + mode + " | multi-line (3) | 100.0% | 100.0% | 3 |"), run.out);
            }
            assertTrue(run.out.contains("median time per answer"), run.out);
            assertTrue(run.err.contains("multi-line: 6/6"), run.err);
            assertFalse(run.out.contains("6/6"), "progress stays off stdout: " + run.out);
            assertEquals(12, backend.requests().stream().filter(r -> r.body().contains("<CURSOR>")).count(),
                    "one request per task and prompt mode");
        }
    }

    @Test
    void againstTheSimulatorTimedLikeRealHardwareAPerfectModelStillScoresFullMarksOverTheOpenAiApi() throws Exception {
        // llama.cpp's OpenAI-compatible API (reasoning in reasoning_content), gpt-oss-20b's published speed on a DGX Spark.
        try (var simulator = ModelSimulator.start(Flavor.LLAMACPP, Profiles.named("gpt-oss-20b@dgx-spark"), null, 0)) {
            simulator.backend().behavior().answer(new InfillingOracle(allGaps(), AnswerShape.SENTENCE_FIRST, "<CURSOR>",
                    "python"));
            var run = eval("--config", config(simulator.url(), "openai").toString(), "--sample", "2", "--seed", "5");

            assertEquals(0, run.exitCode, run.err);
            for (String mode : List.of("raw", "chat")) {
                assertTrue(run.out.contains("| " + mode + " | single-line (2) | 100.0% | 100.0% | 2 |"), run.out);
                assertTrue(run.out.contains("| " + mode + " | multi-line (2) | 100.0% | 100.0% | 2 |"), run.out);
            }
            // Besides eval's one-token check that the model answers at all: each answer decoded on the simulated GPU.
            assertEquals(8, simulator.bookings().stream().filter(b -> b.decodedTokens() > 1).count(),
                    simulator.bookings().toString());
        }
    }

    @Test
    void theSameSeedDrawsTheSameTasksAndAWrongModelMatchesNone() throws Exception {
        try (var backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer("pass");
            String config = config(backend).toString();
            var first = eval("--config", config, "--sample", "2", "--seed", "11", "--modes", "raw", "--tasks", "single-line");
            var second = eval("--config", config, "--sample", "2", "--seed", "11", "--modes", "raw", "--tasks", "single-line");

            assertEquals(0, first.exitCode, first.err);
            assertTrue(first.out.matches("(?s).*\\| raw \\| single-line \\(2\\) \\| [0-9.]+% \\| 0\\.0% \\| 2 \\|.*"), first.out);
            List<String> files = backend.requests().stream().filter(r -> r.body().contains("<CURSOR>"))
                    .map(r -> r.json().path("prompt").asText().replaceFirst("(?s).*File: (\\S+).*", "$1")).toList();
            assertEquals(4, files.size(), files.toString());
            assertEquals(files.subList(0, 2), files.subList(2, 4), "the same tasks, in the same order");
            assertEquals(first.out.replaceAll("\\d+ ms", "N ms"), second.out.replaceAll("\\d+ ms", "N ms"));
        }
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() {
        var run = eval("--sample", "none");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("--sample needs a number, got none"), run.err);
        assertTrue(run.err.contains("usage: java -jar gptoss-ls.jar eval"), run.err);
        assertEquals(2, eval("--modes", "fast").exitCode);
    }

    private Path config(FakeModelBackend backend) throws Exception {
        return config(backend.url(), "ollama");
    }

    private Path config(URI url, String api) throws Exception {
        Path config = dir.resolve("gptoss.json");
        Files.writeString(config, """
                {"gptoss": {"endpoints": [{"name": "fake", "url": "%s", "api": "%s"}],
                 "tiers": {"fast": [{"endpoint": "fake", "model": "gpt-oss:20b"}],
                           "strong": [{"endpoint": "fake", "model": "gpt-oss:20b"}]},
                 "completion": {"maxTokens": 512}}}""".formatted(url, api));
        return config;
    }

    private static List<InfillingGap> allGaps() {
        var json = new ObjectMapper();
        var gaps = new ArrayList<InfillingGap>();
        for (InfillingTasks set : InfillingTasks.values()) {
            set.all(json).forEach(t -> gaps.add(new InfillingGap(t.id(), t.prompt(), t.middle(), t.suffix())));
        }
        return gaps;
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run eval(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        // No keys, and a user configuration file of the test's own: nothing of the machine's.
        var environment = new ServerParts.Environment(new ApiKeys(Map.of()), dir.resolve("user-config.json"),
                dir.resolve("user-cache"), MetricsRecorder.systemClock());
        int code = new EvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, environment).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
