package dev.gptoss.ls.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a model's Markdown answer: each fenced block (backticks or tildes, with or
 * without a language), in order, and whether it was closed. An answer without a fence is one
 * unfenced block: models often answer with bare code however they are asked.
 */
final class AnswerBlocks {
    private static final Pattern OPENER = Pattern.compile("^[ \\t]*(`{3,}|~{3,})[ \\t]*([^`\\s]*)[^`]*$");
    private static final Pattern CLOSER = Pattern.compile("^[ \\t]*(`{3,}|~{3,})[ \\t]*$");

    /**
     * @param lines the block's lines, without line ends
     * @param fenced false for an answer that had no fence at all
     * @param closed false for a fenced block the answer ended inside
     */
    record Block(List<String> lines, boolean fenced, boolean closed) {
    }

    private AnswerBlocks() {
    }

    static List<Block> of(String answer) {
        List<String> lines = lines(answer);
        var blocks = new ArrayList<Block>();
        List<String> current = null;
        String fence = null;
        for (String line : lines) {
            if (current == null) {
                Matcher opener = OPENER.matcher(line);
                if (opener.matches()) {
                    fence = opener.group(1);
                    current = new ArrayList<>();
                }
                continue;
            }
            Matcher closer = CLOSER.matcher(line);
            if (closer.matches() && closer.group(1).charAt(0) == fence.charAt(0)
                    && closer.group(1).length() >= fence.length()) {
                blocks.add(new Block(List.copyOf(current), true, true));
                current = null;
            } else {
                current.add(line);
            }
        }
        if (current != null) {
            blocks.add(new Block(List.copyOf(current), true, false));
        }
        if (blocks.isEmpty()) {
            blocks.add(new Block(lines, false, true));
        }
        return blocks;
    }

    /** The lines of a text whatever its line ends ({@code \n}, {@code \r\n} or {@code \r}). */
    static List<String> lines(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}
