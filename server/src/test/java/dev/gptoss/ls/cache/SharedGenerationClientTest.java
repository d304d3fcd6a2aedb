package dev.gptoss.ls.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.backend.Generation;
import dev.gptoss.ls.backend.GenerationRequest;
import dev.gptoss.ls.backend.ModelClient;
import dev.gptoss.ls.backend.TextSink;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.PromptMode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SharedGenerationClientTest {
    private static final GenerationRequest REQUEST =
            new GenerationRequest("gpt-oss:20b", PromptMode.RAW, "prompt", List.of(), 64, 0.2, List.of());

    /** A model whose calls the test finishes by hand. */
    private static final class ManualModel implements ModelClient {
        final List<CompletableFuture<Generation>> calls = new ArrayList<>();
        final List<TextSink> sinks = new ArrayList<>();

        @Override
        public EndpointConfig endpoint() {
            return new EndpointConfig("m", URI.create("http://127.0.0.1:1"), ApiKind.OLLAMA, null, PromptMode.RAW);
        }

        @Override
        public CompletableFuture<Generation> generate(GenerationRequest request, TextSink sink) {
            var call = new CompletableFuture<Generation>();
            calls.add(call);
            sinks.add(sink);
            return call;
        }
    }

    private final ManualModel model = new ManualModel();
    private final CacheStats stats = new CacheStats();
    private final SharedGenerationClient client =
            new SharedGenerationClient(model, new GenerationCache(1 << 20, Duration.ofMinutes(1)), stats);

    @Test
    void cancellingOneRequesterKeepsTheCallForTheOther() {
        var first = client.generate(REQUEST, TextSink.ALL);
        var second = client.generate(REQUEST, TextSink.ALL);
        assertEquals(1, model.calls.size());

        first.cancel(true);
        assertFalse(model.calls.get(0).isCancelled(), "the other requester still waits");

        model.sinks.get(0).accept("x = 1");
        model.calls.get(0).complete(new Generation("x = 1", "stop", false, 1));
        assertEquals("x = 1", second.join().text());
        assertEquals(1, stats.hits(CacheStats.Layer.IN_FLIGHT));
    }

    @Test
    void cancellingEveryRequesterCancelsTheCall() {
        var first = client.generate(REQUEST, TextSink.ALL);
        var second = client.generate(REQUEST, TextSink.ALL);
        first.cancel(true);
        second.cancel(true);
        assertTrue(model.calls.get(0).isCancelled());
    }

    @Test
    void aLateRequesterGetsTheTextStreamedSoFar() {
        client.generate(REQUEST, TextSink.ALL);
        model.sinks.get(0).accept("return ");
        var seen = new StringBuilder();
        var late = client.generate(REQUEST, delta -> seen.append(delta) != null);
        model.sinks.get(0).accept("a + b");
        model.calls.get(0).complete(new Generation("return a + b", "stop", false, 1));
        assertEquals("return a + b", seen.toString());
        assertEquals("return a + b", late.join().text());
    }

    @Test
    void finishedAnswersComeFromTheCacheButErrorsAndEmptyAnswersDoNot() {
        client.generate(REQUEST, TextSink.ALL);
        model.calls.get(0).completeExceptionally(new IllegalStateException("HTTP 500"));
        client.generate(REQUEST, TextSink.ALL);
        model.calls.get(1).complete(new Generation("", "stop", false, 1));
        client.generate(REQUEST, TextSink.ALL);
        model.calls.get(2).complete(new Generation("a + b", "stop", false, 1));

        var cached = client.generate(REQUEST, TextSink.ALL);
        assertEquals("a + b", cached.join().text());
        assertEquals(3, model.calls.size());
        assertEquals(1, stats.hits(CacheStats.Layer.EXACT));
    }
}
