package dev.gptoss.fake;

import java.io.IOException;

/** The client closed the connection before the fake finished its response. */
final class ClientHungUpException extends IOException {
    private static final long serialVersionUID = 1L;

    ClientHungUpException(String message, Throwable cause) {
        super(message, cause);
    }
}
