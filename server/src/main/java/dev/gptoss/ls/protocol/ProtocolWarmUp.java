package dev.gptoss.ls.protocol;

import dev.gptoss.ls.completion.Suggestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlineCompletionContext;
import org.eclipse.lsp4j.InlineCompletionList;
import org.eclipse.lsp4j.InlineCompletionParams;
import org.eclipse.lsp4j.InlineCompletionTriggerKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.CancelParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * Loads the classes that reading {@code initialize} and writing its answer need (LSP4J's service
 * reflection, Gson's type adapters) on a thread of its own, while the main thread builds the
 * server's core. On two cores the two halves of start-up then overlap instead of adding up. After
 * {@code initialized}, does the same for the messages of a keystroke ({@link #typing}).
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

    private static final String URI = "file:///gptoss-warm-up.py";
    /** Keystrokes read and written: past C1's compile thresholds for the JSON code each one runs. */
    private static final int KEYS = 200;

    private ProtocolWarmUp() {
    }

    /**
     * Writes and reads the messages of a keystroke {@link #KEYS} times, then writes the answers to
     * them (a suggestion with its command, and the same as a completion item) with {@code json}, the
     * connection's own handler: its type adapters are built per handler, and would otherwise be built,
     * and run interpreted, while the user waits for the first suggestions.
     */
    static void typing(MessageJsonHandler json) {
        try {
            var at = new Position(1, 12);
            var change = new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2),
                    List.of(new TextDocumentContentChangeEvent(Positions.emptyRange(at), "t")));
            var ask = new InlineCompletionParams(new TextDocumentIdentifier(URI), at,
                    new InlineCompletionContext(InlineCompletionTriggerKind.Automatic));
            var cancel = new CancelParams();
            cancel.setId(1);
            List<Message> keystroke = List.of(notification("textDocument/didChange", change),
                    notification("$/cancelRequest", cancel), request("textDocument/inlineCompletion", ask));
            long start = System.nanoTime();
            for (int key = 0; key < KEYS; key++) {
                for (Message message : keystroke) {
                    json.parseMessage(json.serialize(message));
                }
            }
            var suggestion = new Suggestion("total", "warm-up");
            json.serialize(answer(Either.forRight(new InlineCompletionList(
                    List.of(InlineCompletionHandler.inlineItem(suggestion, URI, at))))));
            json.serialize(answer(Either.forRight(new CompletionList(true,
                    List.of(InlineCompletionHandler.item(suggestion, "", at))))));
            LOG.fine(() -> "Keystroke messages warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Typing warm-up failed; the first suggestion is only slower", e);
        }
    }

    private static NotificationMessage notification(String method, Object params) {
        var message = new NotificationMessage();
        message.setMethod(method);
        message.setParams(params);
        return message;
    }

    private static RequestMessage request(String method, Object params) {
        var message = new RequestMessage();
        message.setId(2);
        message.setMethod(method);
        message.setParams(params);
        return message;
    }

    private static ResponseMessage answer(Object result) {
        var answer = new ResponseMessage();
        answer.setId(2);
        answer.setResult(result);
        return answer;
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
