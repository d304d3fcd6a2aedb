package dev.gptoss.ls.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python program with its tests, each in its own {@code python3} process, in a scratch folder,
 * with a time limit and no network: in a network namespace of its own where {@code unshare} allows
 * one, and always behind an audit hook that refuses every socket operation. The same program text is
 * run once and its verdict remembered, unless it ran out of time.
 */
public final class PythonCheck implements AutoCloseable {
    /** Installed before the program runs; audit hooks cannot be removed by the code that follows. */
    private static final String NO_NETWORK = String.join("\n",
            "import sys",
            "def _no_network(event, args):",
            "    if event.startswith('socket.'):",
            "        raise PermissionError('no network for evaluated code: ' + event)",
            "sys.addaudithook(_no_network)",
            "_path = sys.argv[1]",
            "sys.argv = sys.argv[1:]",
            "_code = compile(open(_path, encoding='utf-8').read(), _path, 'exec')",
            "exec(_code, {'__name__': '__main__', '__file__': _path})",
            "");

    /** How a program ended. */
    public enum Verdict {
        PASSED, FAILED, TIMED_OUT;
    }

    private final String python;
    private final Duration limit;
    private final Path scratch;
    private final boolean ownNetwork;
    private final Map<String, CompletableFuture<Verdict>> verdicts = new ConcurrentHashMap<>();

    private PythonCheck(String python, Duration limit, Path scratch, boolean ownNetwork) {
        this.python = python;
        this.limit = limit;
        this.scratch = scratch;
        this.ownNetwork = ownNetwork;
    }

    /**
     * A checker using {@code python3} from the PATH; fails with a message saying what to install
     * when there is none.
     */
    public static PythonCheck start(Duration limit) {
        String python = "python3";
        if (!runs(List.of(python, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)"))) {
            throw new IllegalStateException("python3 (3.8 or newer) is needed to run the tasks' tests; install it"
                    + " (Debian/Ubuntu: apt-get install python3) and run this again");
        }
        try {
            Path scratch = Files.createTempDirectory("gptoss-eval-");
            boolean ownNetwork = runs(List.of("unshare", "--user", "--map-root-user", "--net", python, "-c", "pass"));
            return new PythonCheck(python, limit, scratch, ownNetwork);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for the programs", e);
        }
    }

    /** How the programs are kept off the network, for reports. */
    public String isolation() {
        return ownNetwork ? "own network namespace (unshare) and a socket-refusing audit hook"
                : "a socket-refusing audit hook (unshare is not available here)";
    }

    /** Safe to call from several threads; a program already run (or running) is not run again. */
    public Verdict run(String program) {
        var mine = new CompletableFuture<Verdict>();
        CompletableFuture<Verdict> earlier = verdicts.putIfAbsent(program, mine);
        if (earlier != null) {
            return earlier.join();
        }
        try {
            Verdict verdict = execute(program);
            if (verdict == Verdict.TIMED_OUT) {
                // A busy machine can hold a program past its limit: the next caller runs it again.
                verdicts.remove(program, mine);
            }
            mine.complete(verdict);
            return verdict;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Verdict execute(String program) {
        Path file = null;
        try {
            file = Files.createTempFile(scratch, "task-", ".py");
            Files.writeString(file, program, StandardCharsets.UTF_8);
            var command = new ArrayList<String>();
            if (ownNetwork) {
                command.addAll(List.of("unshare", "--user", "--map-root-user", "--net"));
            }
            command.addAll(List.of(python, "-I", "-c", NO_NETWORK, file.toString()));
            Process process = new ProcessBuilder(command).directory(scratch.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
                return Verdict.TIMED_OUT;
            }
            return process.exitValue() == 0 ? Verdict.PASSED : Verdict.FAILED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run python3", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a program ran", e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public void close() {
        try (var files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(PythonCheck::deleteQuietly);
        } catch (IOException e) {
            // A scratch folder left in the temp directory is harmless.
        }
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left for the temp directory's own cleaning.
        }
    }
}
