package dev.gptoss.sim;

/**
 * What the oracle made the model say at one cursor.
 *
 * @param file the corpus file the cursor is in
 * @param offset the cursor's offset in that file
 * @param text the answer
 * @param truth what the file really has there (to the end of the line or block)
 * @param right whether {@code text} is {@code truth}
 */
public record OracleAnswer(String file, int offset, String text, String truth, boolean right) {
}
