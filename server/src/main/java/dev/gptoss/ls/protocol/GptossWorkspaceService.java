package dev.gptoss.ls.protocol;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Configuration changes and commands. */
final class GptossWorkspaceService implements WorkspaceService {
    private final SettingsUpdates settings;
    private final Runnable reloadWorkspaceFile;
    private final ServerCommands commands;

    GptossWorkspaceService(SettingsUpdates settings, Runnable reloadWorkspaceFile, ServerCommands commands) {
        this.settings = settings;
        this.reloadWorkspaceFile = reloadWorkspaceFile;
        this.commands = commands;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        settings.fromClient(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean configChanged = params.getChanges().stream()
                .anyMatch(c -> c.getUri().endsWith("/" + SettingsUpdates.WORKSPACE_FILE));
        if (configChanged) {
            reloadWorkspaceFile.run();
        }
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (params == null || params.getCommand() == null) {
            return CompletableFuture.failedFuture(ServerCommands.invalidParams("command is required"));
        }
        return commands.run(params.getCommand(), params.getArguments());
    }
}
