package dev.gptoss.fake;

import java.io.IOException;

/** Sends each model request to the routes its flavor has, after the checks a real server makes first. */
final class FakeRouter {
    private final Flavor flavor;
    private final OllamaRoutes ollama = new OllamaRoutes();
    private final OpenAiRoutes openAi;
    private final TabbyRoutes tabby = new TabbyRoutes();

    FakeRouter(Flavor flavor) {
        this.flavor = flavor;
        this.openAi = new OpenAiRoutes(flavor);
    }

    void handle(FakeExchange ex) throws IOException {
        String path = ex.request().path();
        FakeBehavior behavior = ex.behavior();
        if (behavior.apiKey() != null && isProtected(path)
                && !("Bearer " + behavior.apiKey()).equals(ex.request().header("authorization"))) {
            unauthorized(ex, path);
        } else if (flavor == Flavor.TABBY) {
            if (!tabby.handle(ex)) {
                notFound(ex);
            }
        } else if (flavor != Flavor.OLLAMA && path.equals("/health")) {
            health(ex);
        } else if (flavor != Flavor.OLLAMA && behavior.loading()) {
            sendLoading(ex);
        } else if (!(flavor == Flavor.OLLAMA && ollama.handle(ex)) && !openAi.handle(ex)) {
            notFound(ex);
        }
    }

    private static boolean isProtected(String path) {
        return path.startsWith("/v1/") || path.startsWith("/api/");
    }

    private static void unauthorized(FakeExchange ex, String path) throws IOException {
        if (path.startsWith("/api/")) {
            OllamaRoutes.sendError(ex, 401, "unauthorized");
        } else {
            OpenAiRoutes.sendError(ex, 401, "Invalid API Key", "authentication_error");
        }
    }

    private static void health(FakeExchange ex) throws IOException {
        if (ex.behavior().loading()) {
            sendLoading(ex);
        } else {
            ex.sendJson(200, ex.newObject().put("status", "ok"));
        }
    }

    /** llama.cpp's answer on every route while the model loads. */
    private static void sendLoading(FakeExchange ex) throws IOException {
        var body = ex.newObject();
        body.putObject("error").put("code", 503).put("message", "Loading model").put("type", "unavailable_error");
        ex.sendJson(503, body);
    }

    /** Each server's own 404: Go's plain text, FastAPI's detail, llama.cpp's error object. */
    private void notFound(FakeExchange ex) throws IOException {
        switch (flavor) {
            case OLLAMA -> ex.sendText(404, "404 page not found");
            case VLLM, TABBY -> ex.sendJson(404, ex.newObject().put("detail", "Not Found"));
            case LLAMACPP -> {
                var body = ex.newObject();
                body.putObject("error").put("code", 404).put("message", "File Not Found")
                        .put("type", "not_found_error");
                ex.sendJson(404, body);
            }
        }
    }
}
