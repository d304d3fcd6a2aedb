package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageServer;

/** The server as an editor sees it, with the requests gptoss-ls adds (docs/protocol.md). */
public interface GptossServerApi extends LanguageServer {
    @JsonRequest("gptoss/status")
    CompletableFuture<JsonElement> status();

    @JsonRequest("gptoss/metrics")
    CompletableFuture<JsonElement> metrics(JsonObject params);
}
