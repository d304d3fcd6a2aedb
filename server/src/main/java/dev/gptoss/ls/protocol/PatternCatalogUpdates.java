package dev.gptoss.ls.protocol;

import dev.gptoss.ls.actions.CatalogProblem;
import dev.gptoss.ls.actions.DocumentDiagnostics;
import dev.gptoss.ls.actions.LukhasPatterns;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;

/**
 * Loads the workspace's LUKHAS pattern catalogue (at start-up, and when it is saved or changes on
 * disk) off the thread reading the editor's messages, names each entry that cannot be used to the
 * user, and rescans the open documents with the rules that result.
 */
final class PatternCatalogUpdates {
    private final LukhasPatterns patterns;
    private final DocumentDiagnostics diagnostics;
    private final Executor executor;
    private volatile Path workspaceRoot;
    private volatile GptossClient client;

    PatternCatalogUpdates(LukhasPatterns patterns, DocumentDiagnostics diagnostics, Executor executor) {
        this.patterns = patterns;
        this.diagnostics = diagnostics;
        this.executor = executor;
    }

    void connect(GptossClient client) {
        this.client = client;
    }

    void useWorkspace(Path root) {
        workspaceRoot = root;
    }

    /** A document was saved: the catalogue, if it is the one. */
    void saved(String uri) {
        if (uri.endsWith("/" + LukhasPatterns.WORKSPACE_FILE)) {
            reload();
        }
    }

    void reload() {
        executor.execute(this::load);
    }

    private void load() {
        List<CatalogProblem> problems = patterns.reload(Optional.ofNullable(workspaceRoot));
        GptossClient target = client;
        if (target != null) {
            problems.forEach(p -> target.showMessage(new MessageParams(MessageType.Warning, p.message())));
        }
        diagnostics.rescanAll();
    }
}
