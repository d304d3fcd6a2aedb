package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One request the fake received, and how its response ended. */
public final class RecordedRequest {
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final JsonNode json;
    private final Instant receivedAt;
    private final long receivedNanos;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int status;
    private volatile boolean completed;
    private volatile boolean clientHungUp;

    RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
            String body, JsonNode json) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.json = json;
        this.receivedAt = Instant.now();
        this.receivedNanos = System.nanoTime();
    }

    public String method() {
        return method;
    }

    /** The path without the query string, e.g. {@code /api/generate}. */
    public String path() {
        return path;
    }

    /** The query string without {@code ?}, or empty. */
    public String query() {
        return query;
    }

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    /** The body parsed as JSON, or a MissingNode when it is empty or not JSON. */
    public JsonNode json() {
        return json;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The {@link System#nanoTime()} at which the whole request had been read. */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** The HTTP status the fake answered (or started streaming) with; 0 if it sent none. */
    public int status() {
        return status;
    }

    /** The fake wrote the whole response. */
    public boolean completed() {
        return completed;
    }

    /** The client closed the connection before the fake finished the response. */
    public boolean clientHungUp() {
        return clientHungUp;
    }

    /** The fake is done with this request: completed, hung up on, or dropped on purpose. */
    public boolean finished() {
        return finished.getCount() == 0;
    }

    /** Waits until {@link #finished()}; returns whether it did within {@code max}. */
    public boolean awaitFinished(Duration max) {
        try {
            return finished.await(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void respondedWith(int httpStatus) {
        status = httpStatus;
    }

    void finish(boolean wholeResponseWritten, boolean hungUp) {
        completed = wholeResponseWritten;
        clientHungUp = hungUp;
        finished.countDown();
    }

    @Override
    public String toString() {
        String outcome = clientHungUp ? "client hung up"
                : completed ? "completed"
                : finished() ? "dropped" : "in flight";
        return method + " " + path + " -> " + status + " (" + outcome + ")";
    }
}
