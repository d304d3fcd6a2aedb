package dev.gptoss.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The knobs of a {@link FakeModelBackend}. Thread-safe: a test may change them between requests;
 * each request works on a {@link #copy()} taken when it arrives, so a change never tears a response.
 */
public final class FakeBehavior {
    public static final String DEFAULT_ANSWER = "return a + b;";
    public static final String DEFAULT_MODEL = "gpt-oss:20b";
    public static final int DEFAULT_CHUNK_CHARS = 4;

    private Function<JsonNode, String> answer;
    private String reasoning;
    private ReasoningField reasoningField;
    private HarmonyLeak harmonyLeak;
    private boolean harmonyLeakInChat;
    private int chunkChars;
    private Duration firstTokenDelay;
    private Duration chunkDelay;
    private Duration serviceTime;
    private int failStatus;
    private String failMessage;
    private int dropAfterChunks;
    private boolean malformedStream;
    private boolean rawPromptsSupported;
    private List<String> models;
    private boolean loading;
    private boolean serving;
    private String apiKey;
    private Pacing pacing;

    public FakeBehavior() {
        reset();
    }

    /** Back to defaults: a short answer, no reasoning, clean and instant output, everything working. */
    public synchronized FakeBehavior reset() {
        answer = body -> DEFAULT_ANSWER;
        reasoning = "";
        reasoningField = null;
        harmonyLeak = HarmonyLeak.NONE;
        harmonyLeakInChat = false;
        chunkChars = DEFAULT_CHUNK_CHARS;
        firstTokenDelay = Duration.ZERO;
        chunkDelay = Duration.ZERO;
        serviceTime = null;
        failStatus = 0;
        failMessage = "";
        dropAfterChunks = -1;
        malformedStream = false;
        rawPromptsSupported = true;
        models = List.of(DEFAULT_MODEL);
        loading = false;
        serving = true;
        apiKey = null;
        pacing = null;
        return this;
    }

    public synchronized FakeBehavior answer(String text) {
        Objects.requireNonNull(text, "text");
        answer = body -> text;
        return this;
    }

    /** Answers with a function of the parsed request body (a MissingNode if the body is not JSON). */
    public synchronized FakeBehavior answer(Function<JsonNode, String> answerForBody) {
        answer = Objects.requireNonNull(answerForBody, "answerForBody");
        return this;
    }

    /** Reasoning emitted before the answer; empty for none. */
    public synchronized FakeBehavior reasoning(String text) {
        reasoning = Objects.requireNonNull(text, "text");
        return this;
    }

    /** The field reasoning goes in; null restores the route default (thinking on /api, reasoning_content on /v1). */
    public synchronized FakeBehavior reasoningField(ReasoningField field) {
        reasoningField = field;
        return this;
    }

    public synchronized FakeBehavior harmonyLeak(HarmonyLeak leak) {
        harmonyLeak = Objects.requireNonNull(leak, "leak");
        return this;
    }

    /** Also leak harmony tokens into chat {@code content}, as llama.cpp does without a reasoning parser. */
    public synchronized FakeBehavior harmonyLeakInChat(boolean leak) {
        harmonyLeakInChat = leak;
        return this;
    }

    /** Code points per streamed chunk; chunks cut through harmony tokens on purpose. */
    public synchronized FakeBehavior chunkChars(int chars) {
        if (chars < 1) {
            throw new IllegalArgumentException("chunkChars must be >= 1: " + chars);
        }
        chunkChars = chars;
        return this;
    }

    /** Silence between receiving the request and the first chunk. */
    public synchronized FakeBehavior firstTokenDelay(Duration delay) {
        firstTokenDelay = nonNegative(delay);
        return this;
    }

    public synchronized FakeBehavior chunkDelay(Duration delay) {
        chunkDelay = nonNegative(delay);
        return this;
    }

    /**
     * Total time from request received to last byte; chunks are spread evenly over it (after
     * {@link #firstTokenDelay} if one is set). Null turns it off. Overrides {@link #chunkDelay}.
     */
    public synchronized FakeBehavior serviceTime(Duration total) {
        serviceTime = total == null ? null : nonNegative(total);
        return this;
    }

    /** Answer generation requests with this HTTP status and the server's error body; 0 turns it off. */
    public synchronized FakeBehavior failWithStatus(int status) {
        return failWithStatus(status, status == 0 ? "" : "fake failure (HTTP " + status + ")");
    }

    public synchronized FakeBehavior failWithStatus(int status, String message) {
        failStatus = status;
        failMessage = Objects.requireNonNull(message, "message");
        return this;
    }

    /**
     * Close the socket after this many text chunks, with no terminating chunk and no {@code [DONE]};
     * a non-streamed response is dropped before any byte. Negative turns it off.
     */
    public synchronized FakeBehavior dropAfterChunks(int chunks) {
        dropAfterChunks = chunks;
        return this;
    }

    /** Put a garbage line and a truncated JSON line after the first chunk (non-stream: truncated body). */
    public synchronized FakeBehavior malformedStream(boolean malformed) {
        malformedStream = malformed;
        return this;
    }

    /** False makes raw generate answer 400 and /v1/completions 404, so a client must fall back to chat. */
    public synchronized FakeBehavior rawPromptsSupported(boolean supported) {
        rawPromptsSupported = supported;
        return this;
    }

    /** The models the server has; any other model name gets the server's "not found" answer. */
    public synchronized FakeBehavior models(String... names) {
        models = List.of(names);
        return this;
    }

    /** vLLM and llama.cpp answer 503 "Loading model" on /health and /v1/* (Ollama has no such state). */
    public synchronized FakeBehavior loading(boolean isLoading) {
        loading = isLoading;
        return this;
    }

    /** False makes the fake close every connection without answering, like a crashed server. */
    public synchronized FakeBehavior serving(boolean isServing) {
        serving = isServing;
        return this;
    }

    /** Requires {@code Authorization: Bearer KEY}; null turns auth off. */
    public synchronized FakeBehavior apiKey(String key) {
        apiKey = key;
        return this;
    }

    /**
     * Who decides when the pieces of an answer go out (a model server simulator); null restores the
     * fixed schedule of {@link #firstTokenDelay}, {@link #chunkDelay} and {@link #serviceTime}.
     */
    public synchronized FakeBehavior pacing(Pacing answerPacing) {
        pacing = answerPacing;
        return this;
    }

    /** A consistent snapshot for one request. */
    public synchronized FakeBehavior copy() {
        FakeBehavior copy = new FakeBehavior();
        copy.answer = answer;
        copy.reasoning = reasoning;
        copy.reasoningField = reasoningField;
        copy.harmonyLeak = harmonyLeak;
        copy.harmonyLeakInChat = harmonyLeakInChat;
        copy.chunkChars = chunkChars;
        copy.firstTokenDelay = firstTokenDelay;
        copy.chunkDelay = chunkDelay;
        copy.serviceTime = serviceTime;
        copy.failStatus = failStatus;
        copy.failMessage = failMessage;
        copy.dropAfterChunks = dropAfterChunks;
        copy.malformedStream = malformedStream;
        copy.rawPromptsSupported = rawPromptsSupported;
        copy.models = models;
        copy.loading = loading;
        copy.serving = serving;
        copy.apiKey = apiKey;
        copy.pacing = pacing;
        return copy;
    }

    synchronized String answerFor(JsonNode body) {
        return Objects.requireNonNullElse(answer.apply(body), "");
    }

    synchronized String reasoning() {
        return reasoning;
    }

    synchronized ReasoningField reasoningFieldOr(ReasoningField routeDefault) {
        return reasoningField == null ? routeDefault : reasoningField;
    }

    synchronized HarmonyLeak harmonyLeak() {
        return harmonyLeak;
    }

    synchronized boolean harmonyLeakInChat() {
        return harmonyLeakInChat;
    }

    synchronized int chunkChars() {
        return chunkChars;
    }

    synchronized Duration firstTokenDelay() {
        return firstTokenDelay;
    }

    synchronized Duration chunkDelay() {
        return chunkDelay;
    }

    synchronized Duration serviceTime() {
        return serviceTime;
    }

    synchronized int failStatus() {
        return failStatus;
    }

    synchronized String failMessage() {
        return failMessage;
    }

    synchronized int dropAfterChunks() {
        return dropAfterChunks;
    }

    synchronized boolean malformedStream() {
        return malformedStream;
    }

    synchronized boolean rawPromptsSupported() {
        return rawPromptsSupported;
    }

    synchronized List<String> models() {
        return models;
    }

    synchronized boolean loading() {
        return loading;
    }

    synchronized boolean serving() {
        return serving;
    }

    synchronized String apiKey() {
        return apiKey;
    }

    synchronized Pacing pacing() {
        return pacing == null ? ResponseSchedule.pacing(this) : pacing;
    }

    private static Duration nonNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        return duration;
    }
}
