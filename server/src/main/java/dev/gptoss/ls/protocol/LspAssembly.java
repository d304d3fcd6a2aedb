package dev.gptoss.ls.protocol;

import dev.gptoss.ls.server.ModelService;
import dev.gptoss.ls.server.ServerParts;
import java.util.function.IntConsumer;

/**
 * The language server of one connection, built from the server's parts top to bottom: each
 * protocol handler gets the features it uses, and the status view hears of every change it shows.
 */
final class LspAssembly {
    private LspAssembly() {
    }

    static GptossLanguageServer assemble(ServerParts.Environment environment, IntConsumer exit) {
        var pending = new PendingRequests();
        var rewritten = new RewrittenRegions();
        ServerParts parts = ServerParts.assemble(environment, event -> {
            pending.cancelAll(event.uri());
            rewritten.documentChanged(event);
        });
        ModelService models = parts.models();
        var settings = new SettingsUpdates(parts.config(), parts.userConfig(), parts::json);
        var status = new StatusPublisher(models.status(), parts::json, parts.threads().requests(), parts.guard()::note,
                parts.context().index()::progress, parts.config()::layers);
        models.health().onChange(status::publishSoon);
        models.router().onBusyChange(status::busyChanged);
        models.router().onInstanceChange(status::publishSoon);
        models.onTierKept(status::tierKept);
        parts.guard().onNoteChange(status::publishSoon);
        parts.context().index().ready().thenRun(status::publishSoon);

        var progress = new ActionProgress();
        var explanations = Explanations.inUserCache(environment.userCacheDirectory());
        var codeActions = new CodeActionHandler(parts.documents(), parts.codeActions(), parts.aiActions(), rewritten,
                parts.threads().requests(), progress, explanations);
        var catalog = new PatternCatalogUpdates(parts.patterns(), parts.diagnostics(), parts.threads().requests());
        var documents = new GptossTextDocumentService(parts.documents(),
                new InlineCompletionHandler(parts.documents(), parts.completions(), pending), codeActions, catalog::saved);
        var commands = new ServerCommands()
                .add("gptoss.status", arguments -> status.current())
                .add(AcceptedSuggestionCommand.NAME, new AcceptedSuggestionCommand(parts.documents(), parts.completions())::run)
                .add(ShowContextCommand.NAME, new ShowContextCommand(parts.context().assembler())::run)
                .add(SettingsUpdates.APPROVE_COMMAND, settings::approve);
        var workspace = new GptossWorkspaceService(settings, commands, parts.context(), catalog::reload);
        var metrics = new MetricsRequest(parts.metrics(), models::cacheMetrics, parts.threads()::sizes, parts::json);
        return new GptossLanguageServer(new GptossLanguageServer.Handlers(settings, status, documents, workspace, commands,
                progress, explanations, codeActions, catalog, metrics), parts, exit);
    }
}
