package dev.gptoss.ls.backend;

/** Turns one line of a streamed response into answer text. */
interface StreamLineHandler {
    /**
     * @return the answer text in this line ("" for none), never reasoning
     * @throws BackendException when the line reports an error
     */
    String answerText(String line);

    /** Whether the server marked the end of the stream in this line. */
    boolean endOfStream(String line);

    /** Why the model stopped, once known ("stop", "length"), else null. */
    String finishReason();
}
