package dev.gptoss.ls.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The programs of an evaluation run with python3, each on its own, with a time limit and no network. */
class PythonCheckTest {
    private static PythonCheck python;

    @BeforeAll
    static void start() {
        // Programs that end get all the time a loaded machine may need; only the endless one meets a limit.
        python = PythonCheck.start(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        python.close();
    }

    @Test
    void aProgramWhoseTestsPassPassesAndOneWhoseTestsFailFails() {
        assertEquals(PythonCheck.Verdict.PASSED, python.run("def f(x):\n    return x + 1\n\nassert f(1) == 2\n"));
        assertEquals(PythonCheck.Verdict.FAILED, python.run("def f(x):\n    return x\n\nassert f(1) == 2\n"));
        assertEquals(PythonCheck.Verdict.FAILED, python.run("def f(x):\nreturn x\n"));
    }

    @Test
    void aProgramThatNeverEndsIsStoppedAtTheLimitAndRunAgainNextTime(@TempDir Path dir) {
        // Loops forever the first time only: a time-out may be the machine's fault, so it is not remembered.
        String program = "import os\nmark = %s\nif not os.path.exists(mark):\n    open(mark, 'w').close()\n"
                .formatted("'" + dir.resolve("ran-once").toString().replace("\\", "/") + "'")
                + "    while True:\n        pass\n";
        try (var quick = PythonCheck.start(Duration.ofSeconds(5))) {
            assertEquals(PythonCheck.Verdict.TIMED_OUT, quick.run(program));
            assertEquals(PythonCheck.Verdict.PASSED, quick.run(program));
        }
    }

    @Test
    void aProgramCannotOpenASocket() {
        String connect = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9))\nexcept PermissionError:\n"
                + "    raise SystemExit(3)\nexcept OSError:\n    raise SystemExit(0)\n";
        assertEquals(PythonCheck.Verdict.FAILED, python.run(connect));
    }
}
