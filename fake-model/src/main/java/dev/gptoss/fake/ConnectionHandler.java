package dev.gptoss.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;

/** Serves one keep-alive connection: reads requests, records them, answers them, notices hang-ups. */
final class ConnectionHandler implements Runnable {
    private final Socket socket;
    private final FakeBehavior behavior;
    private final RequestLog log;
    private final FakeRouter router;
    private final ControlRoutes control;
    private final ObjectMapper json;

    ConnectionHandler(Socket socket, FakeBehavior behavior, RequestLog log, FakeRouter router,
            ControlRoutes control, ObjectMapper json) {
        this.socket = socket;
        this.behavior = behavior;
        this.log = log;
        this.router = router;
        this.control = control;
        this.json = json;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            HttpRequestReader reader = new HttpRequestReader(socket, json);
            HttpResponseWriter writer = new HttpResponseWriter(socket.getOutputStream());
            for (RecordedRequest request = reader.readRequest(); request != null; request = reader.readRequest()) {
                if (!serve(request, reader, writer)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away between or inside requests; nothing was recorded for a partial request.
        }
    }

    /** Returns whether the connection stays open for another request. */
    private boolean serve(RecordedRequest request, HttpRequestReader reader, HttpResponseWriter writer)
            throws IOException {
        if (request.path().startsWith(ControlRoutes.PREFIX)) {
            FakeExchange ex = new FakeExchange(request, behavior, json, socket, reader, writer);
            control.handle(ex);
            return !ex.connectionEnds();
        }
        FakeBehavior snapshot = behavior.copy();
        if (!snapshot.serving()) {
            return false;
        }
        log.add(request);
        FakeExchange ex = new FakeExchange(request, snapshot, json, socket, reader, writer);
        try {
            router.handle(ex);
        } catch (ClientHungUpException e) {
            // A socket closed on our side means the fake itself is shutting down, not a client hang-up.
            finish(request, false, !socket.isClosed());
            return false;
        } catch (RuntimeException e) {
            // A failing answer function in a test: say so in the response rather than hang the client.
            e.printStackTrace();
            try {
                ex.sendText(500, "fake backend failed: " + e);
            } finally {
                finish(request, false, false);
            }
            return false;
        }
        finish(request, !ex.dropped(), false);
        return !ex.connectionEnds();
    }

    private void finish(RecordedRequest request, boolean completed, boolean hungUp) {
        request.finish(completed, hungUp);
        log.finished(request);
    }
}
