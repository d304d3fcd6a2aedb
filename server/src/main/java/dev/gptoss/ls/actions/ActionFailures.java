package dev.gptoss.ls.actions;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.TimeoutExceededException;
import dev.gptoss.ls.backend.BackendException;
import dev.gptoss.ls.routing.NoInstanceAvailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Why a model-made action failed, in one sentence that names the cause and says what to do. The
 * exception names of the HTTP client, the router and Failsafe mean nothing to the person waiting.
 */
public final class ActionFailures {
    private ActionFailures() {
    }

    public static String describe(Throwable error) {
        Throwable cause = unwrapped(error);
        if (cause instanceof NoInstanceAvailableException) {
            return "no model server can take the request now (each is down, busy, or paused by its circuit breaker"
                    + " after failing). Check that the model server is running (the status bar or `gptoss-ls status`"
                    + " tells), then ask again.";
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return "the model server failed several times in a row, so requests to it are paused for a few seconds."
                    + " Check the model server, then ask again.";
        }
        if (cause instanceof BulkheadFullException) {
            return "the model server is busy with as many requests as it may take. Ask again in a moment.";
        }
        if (cause instanceof TimeoutException || cause instanceof TimeoutExceededException) {
            return "no complete answer in time (" + ModelEditRequester.DEADLINE.toMinutes() + " minutes). The model"
                    + " server may be overloaded; ask again, or select a smaller piece of code.";
        }
        if (cause instanceof BackendException backend) {
            return backend(backend);
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return message + (message.endsWith(".") ? "" : ".");
    }

    private static String backend(BackendException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (e.modelMissing()) {
            return "the model server does not have the model (" + message + "). Pull the model, or correct"
                    + " `gptoss.tiers`.";
        }
        if (e.status() == 401 || e.status() == 403) {
            return "the model server refused the request (HTTP " + e.status() + "): check the API key in the"
                    + " environment variable named by the endpoint's `apiKeyEnv`.";
        }
        if (e.status() == 0 && !e.responseStarted()) {
            return "the model server cannot be reached (" + message + "). Start the model server, or correct"
                    + " `gptoss.endpoints`, then ask again.";
        }
        if (e.status() == 0 || e.status() / 100 == 2) {
            return "the model's answer broke off before the end (" + message + "). Ask again; if it keeps"
                    + " happening, look at the model server's log.";
        }
        return "the model server failed the request (" + message + "). Ask again; if it keeps failing, look at"
                + " the model server's log.";
    }

    private static Throwable unwrapped(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
