package dev.gptoss.ls.context;

/**
 * The code around a cursor, as the model will see it.
 *
 * @param prefix text before the cursor, from the start of the window
 * @param suffix text after the cursor, to the end of the window
 * @param linePrefix the cursor line before the cursor
 * @param lineSuffix the cursor line after the cursor
 * @param lineSeparator the document's line end, used to join multi-line suggestions
 */
public record CursorContext(
        String path,
        String languageId,
        String prefix,
        String suffix,
        String linePrefix,
        String lineSuffix,
        String lineSeparator) {

    public boolean cursorInsideLine() {
        return !lineSuffix.isBlank();
    }

    public boolean lineBlank() {
        return linePrefix.isBlank() && lineSuffix.isBlank();
    }

    public String indentation() {
        return CodeText.indentationOf(linePrefix);
    }
}
