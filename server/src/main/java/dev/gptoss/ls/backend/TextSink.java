package dev.gptoss.ls.backend;

/** Receives answer text as it streams in. */
@FunctionalInterface
public interface TextSink {
    /** @return false when the caller has enough, which ends the stream and aborts the HTTP exchange */
    boolean accept(String delta);

    TextSink ALL = delta -> true;
}
