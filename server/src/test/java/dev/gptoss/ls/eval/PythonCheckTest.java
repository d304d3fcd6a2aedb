package dev.gptoss.ls.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The programs of an evaluation run with python3, each on its own, with a time limit and no network. */
class PythonCheckTest {
    private static PythonCheck python;

    @BeforeAll
    static void start() {
        python = PythonCheck.start(Duration.ofSeconds(3));
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
    void aProgramThatNeverEndsIsStoppedAtTheLimit() {
        assertEquals(PythonCheck.Verdict.TIMED_OUT, python.run("while True:\n    pass\n"));
    }

    @Test
    void aProgramCannotOpenASocket() {
        String connect = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9))\nexcept PermissionError:\n"
                + "    raise SystemExit(3)\nexcept OSError:\n    raise SystemExit(0)\n";
        assertEquals(PythonCheck.Verdict.FAILED, python.run(connect));
    }
}
