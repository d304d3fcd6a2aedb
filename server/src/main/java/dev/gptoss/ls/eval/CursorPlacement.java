package dev.gptoss.ls.eval;

import java.util.Locale;

/**
 * Where the user's cursor is on the blank line that stands in for a task's missing code. The line
 * holds nothing else: the code after the gap starts on the next line.
 */
public enum CursorPlacement {
    /** After the indentation the missing code starts with, as the editor's auto-indent (or the user) typed it. */
    AFTER_INDENT("after the indentation"),
    /** At column 0 of an empty line. */
    LINE_START("at column 0");

    private final String description;

    CursorPlacement(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** {@code after-indent} or {@code line-start}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CursorPlacement parse(String id) {
        for (CursorPlacement placement : values()) {
            if (placement.id().equals(id.toLowerCase(Locale.ROOT))) {
                return placement;
            }
        }
        throw new IllegalArgumentException("unknown cursor placement " + id + " (after-indent or line-start)");
    }

    /** The task's file with its gap as a blank line, and the cursor on it. */
    public EditorState place(InfillingTask task) {
        String typed = this == AFTER_INDENT ? leadingWhitespace(task.middle()) : "";
        int line = (int) task.prompt().chars().filter(c -> c == '\n').count();
        return new EditorState(task.prompt() + typed + "\n" + task.suffix(), line, typed.length());
    }

    private static String leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(0, i);
    }
}
