package dev.gptoss.ls.protocol;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Configuration changes and commands. */
final class GptossWorkspaceService implements WorkspaceService {
    static final String STATUS_COMMAND = "gptoss.status";

    private final SettingsUpdates settings;
    private final Runnable reloadWorkspaceFile;
    private final Supplier<Object> status;

    GptossWorkspaceService(SettingsUpdates settings, Runnable reloadWorkspaceFile, Supplier<Object> status) {
        this.settings = settings;
        this.reloadWorkspaceFile = reloadWorkspaceFile;
        this.status = status;
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
        if (STATUS_COMMAND.equals(params.getCommand())) {
            return CompletableFuture.completedFuture(status.get());
        }
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                ResponseErrorCode.InvalidParams, "Unknown command: " + params.getCommand(), null)));
    }
}
