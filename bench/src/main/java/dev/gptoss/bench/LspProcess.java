package dev.gptoss.bench;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A language server as an editor runs it: a child JVM spoken to over its stdin and stdout, its stderr
 * kept in a log file. Knows when it was started, so the first response can be timed from process start.
 */
final class LspProcess implements AutoCloseable {
    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final long startNanos;
    private final Path stderrLog;
    private final Client client = new Client();
    private final LanguageServer server;
    private final Future<Void> listening;
    private volatile long initializedNanos;

    private LspProcess(String name, Process process, long startNanos, Path stderrLog) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
        this.stderrLog = stderrLog;
        Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>()
                .setLocalService(client)
                .setRemoteInterface(LanguageServer.class)
                .setInput(process.getInputStream())
                .setOutput(process.getOutputStream())
                .create();
        this.server = launcher.getRemoteProxy();
        this.listening = launcher.startListening();
    }

    /** Starts {@code java JVM_OPTIONS MAIN...}; the clock for {@link #initialize} starts here. */
    static LspProcess start(String name, List<String> jvmOptions, List<String> main, Path stderrLog) {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(main);
        return start(name, command, java.util.Map.of(), stderrLog);
    }

    /** Starts gptoss-ls as {@code server} says (the jar or the image's launcher). */
    static LspProcess start(ServerCommand server, Path stderrLog) {
        return start("gptoss-ls", server.command(), server.environment(), stderrLog);
    }

    /** Starts any language server command (tabby-agent under node, say) with more environment variables. */
    static LspProcess start(String name, List<String> command, java.util.Map<String, String> environment,
                            Path stderrLog) {
        var builder = new ProcessBuilder(command).redirectError(stderrLog.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        try {
            return new LspProcess(name, builder.start(), start, stderrLog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /**
     * Sends {@code initialize} and then {@code initialized}; returns the nanoseconds from process start
     * to the {@code initialize} response.
     */
    long initialize(Object initializationOptions, Path root, Duration timeout) {
        var params = new InitializeParams();
        params.setProcessId((int) ProcessHandle.current().pid());
        params.setRootUri(root.toUri().toString());
        params.setCapabilities(new ClientCapabilities());
        params.setInitializationOptions(initializationOptions);
        var answered = new long[1];
        CompletableFuture<?> response = server.initialize(params).whenComplete((r, e) -> answered[0] = System.nanoTime());
        await(response, timeout, "initialize");
        initializedNanos = System.nanoTime();
        server.initialized(new InitializedParams());
        return answered[0] - startNanos;
    }

    LanguageServer server() {
        return server;
    }

    /** Waits for a {@code gptoss/status} notification in this state; false if none came in time. */
    boolean awaitStatus(String state, Duration timeout) {
        return awaitClient(() -> state.equals(client.lastState), timeout);
    }

    /** {@link System#nanoTime()} when {@code initialized} was sent. */
    long initializedNanos() {
        return initializedNanos;
    }

    /**
     * Waits for a {@code gptoss/status} whose {@code index.state} is {@code ready}; returns when it
     * arrived ({@link System#nanoTime()}) and the files it reported, or null if none came in time.
     */
    long[] awaitIndexReady(Duration timeout) {
        synchronized (client) {
            return awaitClient(() -> client.indexReadyNanos != 0, timeout)
                    ? new long[] {client.indexReadyNanos, client.indexedFiles} : null;
        }
    }

    /** Waits until what the client heard satisfies the condition; false if it did not in time. */
    private boolean awaitClient(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (client) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(client, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Resident memory of the server JVM now, from /proc (Linux), in KiB. */
    long residentKiB() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            Matcher m = VM_RSS.matcher(Files.readString(status));
            if (!m.find()) {
                throw new IllegalStateException("no VmRSS in " + status);
            }
            return Long.parseLong(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status + " (has " + name + " exited?)", e);
        }
    }

    /**
     * CPU time the server process has used so far (user and system, all its threads), from /proc
     * (Linux), in milliseconds at the kernel's 10 ms resolution. Unlike wall time it hardly depends
     * on what else the machine runs: it says how much work start-up and a first request take.
     */
    long cpuMillis() {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12), in clock ticks of 10 ms
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat + " (has " + name + " exited?)", e);
        }
    }

    /** Error and warning messages the server showed or logged to the client. */
    List<String> complaints() {
        return List.copyOf(client.complaints);
    }

    Path stderrLog() {
        return stderrLog;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code shutdown} and {@code exit} as an editor sends them; kills the process if it lingers. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                await(server.shutdown(), STOP_GRACE, "shutdown");
                server.exit();
            }
        } catch (RuntimeException e) {
            System.err.println(name + ": " + e.getMessage());
        }
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println(name + " did not exit after shutdown/exit; killing it");
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            listening.cancel(true);
        }
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException(name + ": no answer to " + what + " within " + timeout
                    + "; see " + stderrLog);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": " + what + " failed: " + e.getCause().getMessage()
                    + "; see " + stderrLog, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted waiting for " + what, e);
        }
    }

    /** The gptoss-ls extension of the client side: its status notification (docs/protocol.md). */
    interface StatusAwareClient extends LanguageClient {
        @JsonNotification("gptoss/status")
        void status(JsonElement status);
    }

    private static final class Client implements StatusAwareClient {
        private final List<String> complaints = new CopyOnWriteArrayList<>();
        private String lastState;
        private long indexReadyNanos;
        private long indexedFiles;

        @Override
        public synchronized void status(JsonElement status) {
            long arrived = System.nanoTime();
            if (status != null && status.isJsonObject() && status.getAsJsonObject().has("state")) {
                lastState = status.getAsJsonObject().get("state").getAsString();
                var index = status.getAsJsonObject().get("index");
                if (indexReadyNanos == 0 && index != null && index.isJsonObject()
                        && "ready".equals(index.getAsJsonObject().get("state").getAsString())) {
                    indexReadyNanos = arrived;
                    indexedFiles = index.getAsJsonObject().get("files").getAsLong();
                }
                notifyAll();
            }
        }

        @Override
        public void showMessage(MessageParams message) {
            complain(message);
        }

        @Override
        public void logMessage(MessageParams message) {
            complain(message);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
            complain(request);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        }

        private void complain(MessageParams message) {
            if (message.getType() == MessageType.Error || message.getType() == MessageType.Warning) {
                complaints.add(message.getType() + ": " + message.getMessage());
            }
        }
    }
}
