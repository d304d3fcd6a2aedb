package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The editor, with the notifications gptoss-ls adds to LSP (docs/protocol.md). */
public interface GptossClient extends LanguageClient {
    @JsonNotification("gptoss/status")
    void status(JsonElement status);
}
