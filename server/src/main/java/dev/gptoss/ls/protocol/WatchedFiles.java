package dev.gptoss.ls.protocol;

import dev.gptoss.ls.actions.LukhasPatterns;
import dev.gptoss.ls.config.WorkspaceConfigFile;
import dev.gptoss.ls.syntax.Grammars;
import java.util.List;
import java.util.UUID;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The files whose changes on disk the server must hear about: sources the workspace index holds,
 * the ignore files that keep files out of prompts, and the workspace's settings and patterns. An
 * editor watches them only when asked to, through a dynamic registration.
 */
final class WatchedFiles {
    static final String METHOD = "workspace/didChangeWatchedFiles";

    private WatchedFiles() {
    }

    static boolean clientCanWatch(ClientCapabilities capabilities) {
        var workspace = capabilities == null ? null : capabilities.getWorkspace();
        var watched = workspace == null ? null : workspace.getDidChangeWatchedFiles();
        return watched != null && Boolean.TRUE.equals(watched.getDynamicRegistration());
    }

    static Registration registration() {
        List<String> globs = List.of(
                "**/*.{" + String.join(",", Grammars.fileExtensions().stream().sorted().toList()) + "}",
                "**/.gitignore",
                "**/.git/info/exclude",
                "**/" + WorkspaceConfigFile.NAME,
                "**/" + LukhasPatterns.WORKSPACE_FILE);
        var watchers = globs.stream()
                .map(glob -> new FileSystemWatcher(Either.forLeft(glob)))
                .toList();
        return new Registration(UUID.randomUUID().toString(), METHOD,
                new DidChangeWatchedFilesRegistrationOptions(watchers));
    }
}
