package dev.gptoss.ls.protocol;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/** The built jar as an editor runs it: a child process speaking LSP over stdio. */
final class ServerProcess implements AutoCloseable {
    final Process process;
    final LanguageServer server;
    final RecordingClient client = new RecordingClient();
    private final ByteArrayOutputStream stdoutCopy = new ByteArrayOutputStream();
    private final StringBuffer stderr = new StringBuffer();

    ServerProcess(List<String> extraArgs) throws IOException {
        var command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar()));
        command.addAll(extraArgs);
        var builder = new ProcessBuilder(command);
        // Never the real user's configuration file, approvals or cache.
        var xdg = java.nio.file.Files.createTempDirectory("gptoss-xdg");
        builder.environment().put("XDG_CONFIG_HOME", xdg.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", xdg.resolve("cache").toString());
        process = builder.start();
        Thread drain = new Thread(() -> {
            try (var err = process.getErrorStream()) {
                stderr.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The process is gone; what it wrote so far is kept.
            }
        });
        drain.setDaemon(true);
        drain.start();
        InputStream copying = new FilterInputStream(process.getInputStream()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    synchronized (stdoutCopy) {
                        stdoutCopy.write(b);
                    }
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    synchronized (stdoutCopy) {
                        stdoutCopy.write(b, off, n);
                    }
                }
                return n;
            }
        };
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, copying, process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    String stderr() {
        return stderr.toString();
    }

    /** Every byte the server wrote to stdout, checked to be LSP frames: a header, a blank line, a JSON body. */
    List<String> stdoutFrames() {
        byte[] bytes;
        synchronized (stdoutCopy) {
            bytes = stdoutCopy.toByteArray();
        }
        var frames = new ArrayList<String>();
        int at = 0;
        while (at < bytes.length) {
            int headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (headerEnd < 0) {
                throw new AssertionError("stdout has bytes that are not an LSP frame at " + at);
            }
            String header = new String(bytes, at, headerEnd - at, StandardCharsets.US_ASCII);
            if (!header.startsWith("Content-Length: ")) {
                throw new AssertionError("stdout has a non-protocol line: " + header);
            }
            int length = Integer.parseInt(header.substring("Content-Length: ".length()).lines().findFirst().orElseThrow().strip());
            String body = new String(bytes, headerEnd + 4, length, StandardCharsets.UTF_8);
            if (!body.startsWith("{\"jsonrpc\":\"2.0\"")) {
                throw new AssertionError("stdout frame is not JSON-RPC: " + body);
            }
            frames.add(body);
            at = headerEnd + 4 + length;
        }
        return frames;
    }

    boolean awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static String jar() {
        String jar = System.getProperty("gptoss.jar");
        if (jar == null || !Path.of(jar).toFile().isFile()) {
            throw new IllegalStateException("The server jar is not built (system property gptoss.jar: " + jar + ")");
        }
        return jar;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
