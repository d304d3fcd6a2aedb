package dev.gptoss.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An answer's pieces wait for the pacing plugged into the fake, and the pacing hears how the answer ended. */
class PacingTest {
    private final LoopbackHttp http = new LoopbackHttp();

    @Test
    void aRequestWaitsWhileItsPacingHasNoTimeForItAndTheEndIsReported() throws Exception {
        var released = new AtomicBoolean();
        var ended = new CompletableFuture<int[]>();
        var pieces = new AtomicReference<List<String>>();
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA)) {
            backend.behavior().answer("0123456789abcdef").chunkChars(4).pacing((request, texts) -> {
                pieces.set(texts);
                return new Pacing.Paced() {
                    @Override
                    public long deadline(int index) {
                        return released.get() ? 0 : Long.MAX_VALUE;
                    }

                    @Override
                    public void end(int sent, boolean cut) {
                        ended.complete(new int[] {sent, cut ? 1 : 0});
                    }
                };
            });
            CompletableFuture<HttpResponse<String>> answer = http.client.sendAsync(
                    http.post(backend.url(), "/api/generate", generate()).build(), HttpResponse.BodyHandlers.ofString());
            backend.awaitRequests(1, Duration.ofSeconds(5));

            assertFalse(ended.isDone(), "nothing is sent while the pacing gives no deadline");
            released.set(true);
            List<JsonNode> events = http.ndjson(answer.get(5, TimeUnit.SECONDS).body());

            assertEquals(List.of("0123", "4567", "89ab", "cdef"), pieces.get());
            assertEquals(5, events.size());
            assertEquals(4, ended.get(5, TimeUnit.SECONDS)[0]);
            assertEquals(0, ended.get()[1], "a complete answer is not cut");
        }
    }

    @Test
    void aClientThatHangsUpMidStreamIsReportedAsCutAfterThePiecesItGot() throws Exception {
        var sentBeforeCut = new CompletableFuture<Integer>();
        var firstPieceOut = new CountDownLatch(1);
        var calls = new AtomicInteger();
        try (FakeModelBackend backend = FakeModelBackend.start(Flavor.LLAMACPP)) {
            backend.behavior().answer("0123456789abcdef").chunkChars(4).pacing((request, texts) -> new Pacing.Paced() {
                @Override
                public long deadline(int index) {
                    calls.incrementAndGet();
                    if (index == 1) {
                        firstPieceOut.countDown();
                    }
                    return index == 0 ? 0 : Long.MAX_VALUE;
                }

                @Override
                public void end(int sent, boolean cut) {
                    if (cut) {
                        sentBeforeCut.complete(sent);
                    }
                }
            });
            ObjectNode body = http.json.createObjectNode().put("model", "gpt-oss:20b").put("prompt", "x")
                    .put("stream", true);
            HttpResponse<InputStream> response = http.client.send(http.post(backend.url(), "/v1/completions", body)
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertTrue(firstPieceOut.await(5, TimeUnit.SECONDS));
            response.body().close();

            assertEquals(1, sentBeforeCut.get(5, TimeUnit.SECONDS));
            assertTrue(backend.awaitHangUp(backend.requests().get(0), Duration.ofSeconds(5)));
        }
    }

    private ObjectNode generate() {
        return http.json.createObjectNode().put("model", "gpt-oss:20b").put("prompt", "x").put("raw", true);
    }
}
