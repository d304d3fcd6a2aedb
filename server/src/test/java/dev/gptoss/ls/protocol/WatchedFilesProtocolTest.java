package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor reports files changed on disk only for the globs a server registers: without them a
 * {@code .gitignore} written in a terminal would never take its files out of prompts.
 */
class WatchedFilesProtocolTest {
    @TempDir
    Path root;
    private LspSession session;

    @AfterEach
    void stop() {
        LspSession.closeAll(session);
    }

    @Test
    void anEditorThatCanWatchIsAskedToWatchSourcesIgnoreFilesAndSettings() throws Exception {
        session = new LspSession();
        session.initialize("{}", watchingEditor(true), root.toUri().toString());

        assertEquals(1, session.client.registrations.size(), "one registration");
        var registration = session.client.registrations.get(0);
        assertEquals("workspace/didChangeWatchedFiles", registration.getMethod());
        var options = (JsonObject) registration.getRegisterOptions();
        List<String> globs = new ArrayList<>();
        options.getAsJsonArray("watchers").forEach(w -> globs.add(w.getAsJsonObject().get("globPattern").getAsString()));

        for (String file : List.of("pkg/app.py", "web/src/Cart.tsx", "svc/main.go", "lib/src/lib.rs",
                "src/main/java/A.java", "web/index.js", "service/.gitignore", ".git/info/exclude",
                "x/.gptoss.json", "x/.lukhas/patterns.json")) {
            assertTrue(matchesAny(globs, file), file + " is watched by " + globs);
        }
        for (String file : List.of("notes/readme.md", "target/app.jar", "data/table.csv")) {
            assertFalse(matchesAny(globs, file), file + " is not watched by " + globs);
        }
    }

    @Test
    void anEditorThatCannotWatchIsNotAsked() throws Exception {
        session = new LspSession();
        session.initialize("{}", watchingEditor(false), root.toUri().toString());

        assertTrue(session.client.registrations.isEmpty(), session.client.registrations.toString());
    }

    private static ClientCapabilities watchingEditor(boolean dynamicRegistration) {
        var workspace = new WorkspaceClientCapabilities();
        workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(dynamicRegistration));
        var capabilities = new ClientCapabilities();
        capabilities.setWorkspace(workspace);
        return capabilities;
    }

    private static boolean matchesAny(List<String> globs, String relativeFile) {
        Path file = Path.of(relativeFile);
        return globs.stream().anyMatch(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(file)
                || glob.startsWith("**/") && FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3))
                        .matches(file));
    }
}
