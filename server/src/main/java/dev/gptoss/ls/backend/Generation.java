package dev.gptoss.ls.backend;

/**
 * What a model wrote, with reasoning and harmony tokens already removed.
 *
 * @param stoppedEarly the caller had enough and hung up before the model finished
 */
public record Generation(String text, String finishReason, boolean stoppedEarly, long elapsedNanos) {
}
