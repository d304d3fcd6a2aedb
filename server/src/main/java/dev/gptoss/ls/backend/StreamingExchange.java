package dev.gptoss.ls.backend;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One streamed HTTP request to a model server. Lines are handed over as they arrive; answer text
 * goes through a {@link HarmonyFilter} to the caller's sink. However the returned future ends
 * (answer complete, sink had enough, cancelled, timed out) the HTTP exchange is aborted if still
 * open, so the server stops generating for nobody.
 */
final class StreamingExchange implements Flow.Subscriber<String> {
    private static final Logger LOG = Logger.getLogger(StreamingExchange.class.getName());
    private static final int MAX_ERROR_BODY = 2000;

    private final StreamLineHandler lines;
    private final TextSink sink;
    private final HarmonyFilter harmony = new HarmonyFilter();
    private final StringBuilder answer = new StringBuilder();
    private final StringBuilder errorBody = new StringBuilder();
    private final CompletableFuture<Generation> result = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final long startNanos = System.nanoTime();
    private volatile int status;
    private volatile boolean bodyStarted;
    private volatile boolean bodyEnded;

    private StreamingExchange(StreamLineHandler lines, TextSink sink) {
        this.lines = lines;
        this.sink = sink;
    }

    static CompletableFuture<Generation> start(HttpClient http, HttpRequest request, StreamLineHandler lines,
                                               TextSink sink) {
        var exchange = new StreamingExchange(lines, sink);
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, info -> {
            exchange.status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(exchange);
        });
        sent.whenComplete((response, error) -> {
            if (error != null) {
                exchange.fail(exchange.status == 0
                        ? new BackendException("Cannot reach " + request.uri() + ": " + describe(error), error)
                        : new BackendException(exchange.status, exchange.bodyStarted,
                                "The model server broke the stream: " + describe(error)));
            }
        });
        exchange.result.whenComplete((generation, error) -> exchange.abort(sent));
        return exchange.result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s) || result.isDone()) {
            s.cancel();
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (result.isDone()) {
            return;
        }
        bodyStarted = true;
        if (status / 100 != 2) {
            if (errorBody.length() < MAX_ERROR_BODY) {
                errorBody.append(line).append('\n');
            }
            return;
        }
        try {
            String text = lines.answerText(line);
            if (!text.isEmpty() && !deliver(harmony.accept(text))) {
                finish("enough", true);
            } else if (harmony.finished()) {
                finish("stop", true);
            } else if (lines.endOfStream(line)) {
                // The server said it is done; the body ends by itself and its connection can be reused.
                bodyEnded = true;
                finish(lines.finishReason(), false);
            }
        } catch (BackendException e) {
            fail(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Skipping a stream line that could not be read: " + abbreviate(line), e);
        }
    }

    @Override
    public void onError(Throwable error) {
        bodyEnded = true;
        fail(new BackendException(0, bodyStarted, "The model server broke the stream: " + describe(error)));
    }

    @Override
    public void onComplete() {
        bodyEnded = true;
        if (status / 100 != 2) {
            fail(new BackendException(status, bodyStarted, "HTTP " + status + ": " + errorBody.toString().strip()));
        } else {
            finish(lines.finishReason(), false);
        }
    }

    private boolean deliver(String text) {
        if (text.isEmpty()) {
            return true;
        }
        answer.append(text);
        return sink.accept(text);
    }

    private void finish(String reason, boolean stoppedEarly) {
        if (!stoppedEarly) {
            deliver(harmony.flush());
        }
        result.complete(new Generation(answer.toString(), reason, stoppedEarly, System.nanoTime() - startNanos));
    }

    private void fail(BackendException error) {
        result.completeExceptionally(error);
    }

    /** Ends an exchange cut short; one whose body ended is left alone, its connection may be reused already. */
    private void abort(CompletableFuture<HttpResponse<Void>> sent) {
        if (bodyEnded) {
            return;
        }
        Flow.Subscription s = subscription.getAndSet(CANCELLED);
        if (s != null && s != CANCELLED) {
            s.cancel();
        }
        if (!sent.isDone()) {
            sent.cancel(true);
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    private static final Flow.Subscription CANCELLED = new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };
}
