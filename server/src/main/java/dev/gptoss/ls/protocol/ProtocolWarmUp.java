package dev.gptoss.ls.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * Loads the classes that reading {@code initialize} and writing its answer need (LSP4J's service
 * reflection, Gson's type adapters) on a thread of its own, while the main thread builds the
 * server's core. On two cores the two halves of start-up then overlap instead of adding up.
 */
public final class ProtocolWarmUp {
    private static final Logger LOG = Logger.getLogger(ProtocolWarmUp.class.getName());
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":1,"rootUri":"file:///w",
             "capabilities":{"textDocument":{"synchronization":{"didSave":true},"inlineCompletion":{},
             "completion":{"completionItem":{"snippetSupport":true}},"codeAction":{"resolveSupport":
             {"properties":["edit"]}}},"window":{"workDoneProgress":true,"showDocument":{"support":true}},
             "workspace":{"configuration":true}},"initializationOptions":{"gptoss":{}},
             "workspaceFolders":[{"uri":"file:///w","name":"w"}]}}""";

    private ProtocolWarmUp() {
    }

    /** Starts the warm-up; it ends by itself and never fails the server. */
    public static void startInBackground() {
        Thread thread = new Thread(ProtocolWarmUp::run, "gptoss-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    private static void run() {
        try {
            var methods = new LinkedHashMap<String, JsonRpcMethod>();
            methods.putAll(ServiceEndpoints.getSupportedMethods(GptossLanguageServer.class));
            methods.putAll(ServiceEndpoints.getSupportedMethods(GptossClient.class));
            var json = new MessageJsonHandler(methods);
            json.parseMessage(INITIALIZE);
            var answer = new ResponseMessage();
            answer.setId(0);
            answer.setResult(new InitializeResult(GptossLanguageServer.capabilities(List.of("gptoss.status")),
                    new ServerInfo("gptoss-ls", GptossLanguageServer.VERSION)));
            json.serialize(answer);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Protocol warm-up failed; start-up is only slower", e);
        }
    }
}
