package dev.gptoss.ls.backend;

import dev.gptoss.ls.config.EndpointConfig;
import java.util.concurrent.CompletableFuture;

/** One model server's generation API. Cancelling the returned future aborts the HTTP exchange. */
public interface ModelClient {
    EndpointConfig endpoint();

    CompletableFuture<Generation> generate(GenerationRequest request, TextSink sink);
}
