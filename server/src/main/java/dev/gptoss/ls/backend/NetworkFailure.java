package dev.gptoss.ls.backend;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * What went wrong talking to a model server, in the words a person uses ("connection refused at
 * http://127.0.0.1:11434"), not the JDK's exception names.
 */
public final class NetworkFailure {
    /** How {@link #describe} begins when nothing listens at the address: the model server is gone. */
    public static final String REFUSED = "connection refused at ";

    private NetworkFailure() {
    }

    public static String describe(Throwable error, URI url) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException) {
                return REFUSED + url + " (nothing is listening there)";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection to " + url + " within the timeout";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer from " + url + " within the timeout";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + url.getHost();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to " + url.getHost();
            }
            if (t instanceof SSLException) {
                return "TLS with " + url + " failed: " + t.getMessage();
            }
            if (t.getCause() == null) {
                cause = t;
            }
        }
        String why = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return "no answer from " + url + ": " + why;
    }
}
