package dev.gptoss.fake;

import java.util.Locale;

/**
 * The ways a model phrases the same correct answer at a cursor in a line's indentation. Each shape
 * is one that real models produce; a server must turn every one of them into the same code.
 */
public enum AnswerShape {
    /** Exactly the text to insert: the first line without what is already typed, later lines as in the file. */
    BARE,
    /** The first line again with the indentation the editor already typed, as a model copying the line does. */
    TYPED_INDENT_REPEATED,
    /**
     * The first line as the cursor needs it (bare after typed indentation, indented at column 0),
     * later lines indented relative to the first line, as if it stood at column 0.
     */
    RELATIVE_INDENT,
    /** The bare text in a Markdown code fence. */
    FENCED,
    /** A sentence, then the bare text in a code fence, as chat models like to answer. */
    SENTENCE_FIRST,
    /**
     * Every line with the common indentation removed, whatever the cursor: at column 0 this says
     * nothing about where the code goes, so more than one placement can be right.
     */
    DEDENTED;

    /**
     * The answer for {@code middle} (whole lines, each ending with a newline) at a cursor after
     * {@code typed}, the whitespace already on the cursor's line.
     */
    public String render(String middle, String typed, String fenceLanguage) {
        String code = middle.endsWith("\n") ? middle.substring(0, middle.length() - 1) : middle;
        String bare = code.startsWith(typed) ? code.substring(typed.length()) : code.stripLeading();
        return switch (this) {
            case BARE -> bare;
            case TYPED_INDENT_REPEATED -> code;
            case RELATIVE_INDENT -> relative(code, typed.length());
            case FENCED -> fenced(bare, fenceLanguage);
            case SENTENCE_FIRST -> "Sure, here is the missing code:\n\n" + fenced(bare, fenceLanguage);
            case DEDENTED -> dedent(code);
        };
    }

    /** {@code bare}, {@code typed-indent-repeated}, ...: the name reports and command lines use. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String fenced(String code, String language) {
        return "```" + language + "\n" + code + "\n```";
    }

    /**
     * Later lines relative to the first line. A line left of the first cannot be written that way:
     * after typed indentation the answer is then a snippet of its own (the first line keeps its
     * offset from the least indented line), and at column 0, where relative and absolute are the
     * same for the first line, the answer is written as the file has it.
     */
    private static String relative(String code, int typed) {
        String[] lines = code.split("\n", -1);
        int first = indentWidth(lines[0]);
        int least = first;
        for (String line : lines) {
            if (!line.isBlank()) {
                least = Math.min(least, indentWidth(line));
            }
        }
        if (least < first) {
            return typed > 0 ? dedent(code) : code;
        }
        var out = new StringBuilder(" ".repeat(first - Math.min(typed, first)) + lines[0].stripLeading());
        for (int i = 1; i < lines.length; i++) {
            out.append('\n');
            if (!lines[i].isBlank()) {
                out.append(" ".repeat(indentWidth(lines[i]) - first)).append(lines[i].stripLeading());
            }
        }
        return out.toString();
    }

    private static int indentWidth(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** What Python's {@code textwrap.dedent} does: the indentation every non-blank line shares, removed. */
    static String dedent(String code) {
        String[] lines = code.split("\n", -1);
        String common = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            common = common == null ? indent : sharedStart(common, indent);
        }
        if (common == null || common.isEmpty()) {
            return code;
        }
        var out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(lines[i].startsWith(common) ? lines[i].substring(common.length()) : lines[i].stripLeading());
        }
        return out.toString();
    }

    private static String sharedStart(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }
}
