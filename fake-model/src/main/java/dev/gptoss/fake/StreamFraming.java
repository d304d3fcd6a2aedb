package dev.gptoss.fake;

/** How a streamed JSON event is framed on the wire. */
enum StreamFraming {
    /** Ollama: one JSON object per line. */
    NDJSON("application/x-ndjson"),
    /** OpenAI-compatible servers: server-sent events, ending with {@code data: [DONE]}. */
    SSE("text/event-stream; charset=utf-8");

    private final String contentType;

    StreamFraming(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    String frame(String serializedJson) {
        return this == NDJSON ? serializedJson + "\n" : "data: " + serializedJson + "\n\n";
    }

    /** What follows the last JSON event: nothing for NDJSON, {@code [DONE]} for SSE. */
    String terminator() {
        return this == NDJSON ? "" : "data: [DONE]\n\n";
    }

    /** A line that is not JSON at all, then a well-formed event cut in half. */
    String malformed(String serializedJson) {
        return frame("this is not json") + frame(serializedJson.substring(0, serializedJson.length() / 2));
    }
}
