package dev.gptoss.ls.context;

/** Small facts about lines of code that several features need. */
public final class CodeText {
    private CodeText() {
    }

    public static String indentationOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** Width of the leading whitespace, a tab counting as four columns. */
    public static int indentWidth(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += 4;
            } else {
                break;
            }
        }
        return width;
    }

    /** Whether a line opens a block whose body belongs on the next lines. */
    public static boolean opensBlock(String line) {
        String t = line.stripTrailing();
        return t.endsWith(":") || t.endsWith("{") || t.endsWith("(") || t.endsWith("[")
                || t.endsWith("=>") || t.endsWith("->") || t.endsWith(" do") || t.endsWith(" then");
    }

    public static String[] lines(String text) {
        return text.split("\r\n|\r|\n", -1);
    }
}
