package dev.gptoss.ls.backend;

/**
 * A model server refused or broke a request.
 *
 * @see #status() the HTTP status, or 0 when no response arrived
 */
public final class BackendException extends RuntimeException {
    private final int status;
    private final boolean responseStarted;

    public BackendException(int status, boolean responseStarted, String message) {
        super(message);
        this.status = status;
        this.responseStarted = responseStarted;
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.responseStarted = false;
    }

    public int status() {
        return status;
    }

    /** Whether any byte came back; only a request that failed before that may be retried. */
    public boolean responseStarted() {
        return responseStarted;
    }

    /** The server does not accept this kind of prompt (raw prompts, typically). */
    public boolean unsupportedRequest() {
        return status == 400 || status == 404 || status == 405 || status == 422 || status == 501;
    }

    /** The server says the model is not there (Ollama: not pulled; vLLM: not served). */
    public boolean modelMissing() {
        String m = String.valueOf(getMessage()).toLowerCase(java.util.Locale.ROOT);
        return (status == 404 || status == 400) && m.contains("model")
                && (m.contains("not found") || m.contains("does not exist") || m.contains("pull"));
    }
}
