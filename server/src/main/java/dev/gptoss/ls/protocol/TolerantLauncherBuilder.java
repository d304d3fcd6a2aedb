package dev.gptoss.ls.protocol;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.launch.LSPLauncher;

/** LSP4J's launcher, reading the editor's input with {@link FrameReader} instead of trusting it. */
final class TolerantLauncherBuilder<T> extends LSPLauncher.Builder<T> {
    private MessageJsonHandler jsonHandler;
    private RemoteEndpoint remoteEndpoint;

    @Override
    protected MessageJsonHandler createJsonHandler() {
        jsonHandler = super.createJsonHandler();
        return jsonHandler;
    }

    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
        remoteEndpoint = super.createRemoteEndpoint(handler);
        return remoteEndpoint;
    }

    @Override
    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer lsp4jReader, MessageConsumer consumer,
                                                                T remoteProxy) {
        return new ConcurrentMessageProcessor(new FrameReader(input, jsonHandler, remoteEndpoint), consumer);
    }
}
