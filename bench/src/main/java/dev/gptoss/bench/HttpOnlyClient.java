package dev.gptoss.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;

/**
 * The least a server must do per completion when it asks a model over HTTP: one streamed POST
 * with the JDK's {@link HttpClient}, the answer read line by line, nothing else. Run as its own
 * process with the server's JVM options by {@link HttpFloorMain}; prints one line per request:
 * {@code latencyNanos sentEpochNanos receivedEpochNanos}.
 */
public final class HttpOnlyClient {
    private HttpOnlyClient() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0] + "/api/generate");
        int count = Integer.parseInt(args[1]);
        byte[] body = requestBody(SamplePython.lines(200));
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "http");
                    thread.setDaemon(true);
                    return thread;
                })).build();
        for (int i = 0; i < count; i++) {
            var request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            var lines = new LineCounter();
            long sentWall = LatencyRun.epochNanos();
            long sent = System.nanoTime();
            http.sendAsync(request, info -> HttpResponse.BodySubscribers.fromLineSubscriber(lines)).join();
            lines.done.join();
            long received = System.nanoTime();
            System.out.println((received - sent) + " " + sentWall + " " + LatencyRun.epochNanos());
        }
        System.out.flush();
        System.exit(0);
    }

    /** A prompt of the size the server sends (about 8 KB), JSON-escaped by hand: no JSON library to load. */
    private static byte[] requestBody(java.util.List<String> code) {
        String prompt = String.join("\n", code).replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\t", "\\t").replace("\n", "\\n");
        prompt = prompt.substring(0, Math.min(prompt.length(), 8000));
        return ("{\"model\":\"gpt-oss:20b\",\"raw\":true,\"stream\":true,\"prompt\":\"" + prompt + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final class LineCounter implements Flow.Subscriber<String> {
        final CompletableFuture<Integer> done = new CompletableFuture<>();
        int lines;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines++;
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(lines);
        }
    }
}
