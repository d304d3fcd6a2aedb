package dev.gptoss.ls.protocol;

import dev.gptoss.ls.actions.LukhasPatterns;
import dev.gptoss.ls.config.WorkspaceConfigFile;
import dev.gptoss.ls.workspace.WorkspaceContext;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Configuration changes and commands. */
final class GptossWorkspaceService implements WorkspaceService {
    private final SettingsUpdates settings;
    private final ServerCommands commands;
    private final WorkspaceContext context;
    private final Runnable reloadPatterns;

    GptossWorkspaceService(SettingsUpdates settings, ServerCommands commands, WorkspaceContext context,
                           Runnable reloadPatterns) {
        this.settings = settings;
        this.commands = commands;
        this.context = context;
        this.reloadPatterns = reloadPatterns;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        settings.fromEditor(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        if (changed(params, WorkspaceConfigFile.NAME)) {
            settings.reloadFiles();
        }
        if (changed(params, LukhasPatterns.WORKSPACE_FILE)) {
            reloadPatterns.run();
        }
        for (FileEvent change : params.getChanges()) {
            try {
                Path file = Path.of(URI.create(change.getUri()));
                context.workspaceFileChanged(file, change.getType() == FileChangeType.Deleted);
            } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                // Not a file on this machine: nothing to index.
            }
        }
    }

    private static boolean changed(DidChangeWatchedFilesParams params, String workspaceFile) {
        return params.getChanges().stream().anyMatch(c -> c.getUri().endsWith("/" + workspaceFile));
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (params == null || params.getCommand() == null) {
            return CompletableFuture.failedFuture(ServerCommands.invalidParams("command is required"));
        }
        return commands.run(params.getCommand(), params.getArguments());
    }
}
