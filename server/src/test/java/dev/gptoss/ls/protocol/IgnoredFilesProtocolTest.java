package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.Await;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a nested {@code .gitignore} ignores through real JSON-RPC: their definitions never reach the
 * prompt the backend receives, neither from the workspace index nor from an open editor, while those
 * of files beside them do; a {@code .gitignore} written later takes effect on the next completion.
 */
class IgnoredFilesProtocolTest {
    private static final String APP = """
            from geometry.vectors import scale_vector
            from vendor.keys import load_signing_key


            def sign_scaled(points, factor):
                key = load_signing_key()
                return [scale_vector(point, factor) for point in points], key
            """;

    @TempDir
    Path root;
    private FakeModelBackend backend;
    private LspSession session;

    @BeforeEach
    void workspace() throws IOException {
        write("geometry/vectors.py", """
                def scale_vector(vector, factor):
                    \"\"\"Multiply each component of vector by factor.\"\"\"
                    return tuple(component * factor for component in vector)
                """);
        write("vendor/keys.py", """
                def load_signing_key():
                    \"\"\"Reads the key from VENDOR_PRIVATE_KEY_PATH.\"\"\"
                    return open("/etc/vendor/private.key").read()
                """);
        write("vendor/.gitignore", "keys.py\n");
        write("app.py", APP);
    }

    @AfterEach
    void stop() {
        LspSession.closeAll(session, backend);
    }

    @Test
    void aDefinitionFromAFileANestedGitignoreIgnoresNeverReachesThePrompt() throws Exception {
        start();
        session.open(uri("vendor/keys.py"), "python", Files.readString(root.resolve("vendor/keys.py")));
        session.parts().context().syntax().awaitTree(uri("vendor/keys.py"), 1, 2000);

        String prompt = completeInApp();

        assertTrue(prompt.contains("Multiply each component of vector by factor."),
                "the definition from a file that is not ignored is used:\n" + prompt);
        assertFalse(prompt.contains("VENDOR_PRIVATE_KEY_PATH"), prompt);
        assertFalse(prompt.contains("private.key"), prompt);
        assertTrue(session.parts().context().index().named("load_signing_key").isEmpty(),
                "the ignored file is not indexed");
    }

    @Test
    void aGitignoreWrittenLaterTakesItsFilesOutOfTheIndex() throws Exception {
        start();
        assertFalse(session.parts().context().index().named("scale_vector").isEmpty());

        write("geometry/.gitignore", "vectors.py\n");
        session.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                new FileEvent(uri("geometry/.gitignore"), FileChangeType.Created))));
        Await.until("the newly ignored file leaves the index",
                () -> session.parts().context().index().named("scale_vector").isEmpty(), Duration.ofSeconds(10));

        String prompt = completeInApp();
        assertFalse(prompt.contains("Multiply each component of vector by factor."), prompt);
    }

    private void start() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        backend.behavior().answer("x");
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "raw"), root);
        session.parts().context().index().ready().get(30, TimeUnit.SECONDS);
    }

    /** Completes at the end of the line that calls both helpers; returns the prompt the backend got. */
    private String completeInApp() throws Exception {
        session.open(uri("app.py"), "python", APP);
        String[] lines = APP.split("\n", -1);
        int line = lines.length - 2;
        session.inline(uri("app.py"), new Position(line, lines[line].length())).get(10, TimeUnit.SECONDS);
        return backend.requests("/api/generate").get(0).json().path("prompt").asText();
    }

    private String uri(String relative) {
        return root.toAbsolutePath().normalize().resolve(relative).toUri().toString();
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
