package dev.gptoss.ls.actions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.gptoss.ls.backend.BackendException;
import dev.gptoss.ls.routing.NoInstanceAvailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Each way a model call fails, in words that say what to do. */
class ActionFailuresTest {

    @Test
    void eachCauseIsNamedWithWhatToDo() {
        assertSays(new NoInstanceAvailableException("none"), "no model server can take the request", "status");
        assertSays(new CircuitBreakerOpenException(CircuitBreaker.ofDefaults()), "paused", "ask again");
        assertSays(new TimeoutException(), "no complete answer in time (3 minutes)", "smaller piece of code");
        assertSays(new BackendException("Cannot reach http://127.0.0.1:1/api/chat: connection refused", null),
                "cannot be reached", "Start the model server");
        assertSays(new BackendException(0, true, "The model server broke the stream: EOF"), "broke off", "Ask again");
        assertSays(new BackendException(401, true, "HTTP 401: unauthorized"), "API key", "apiKeyEnv");
        assertSays(new BackendException(404, true, "HTTP 404: model 'gpt-oss:120b' not found, try pulling it first"),
                "does not have the model", "Pull the model");
        assertSays(new BackendException(500, true, "HTTP 500: CUDA out of memory"), "CUDA out of memory", "log");
    }

    @Test
    void aWrappedCauseIsUnwrapped() {
        assertSays(new CompletionException(new TimeoutException()), "no complete answer in time");
    }

    private static void assertSays(Throwable error, String... parts) {
        String said = ActionFailures.describe(error);
        for (String part : parts) {
            assertTrue(said.contains(part), said);
        }
    }
}
