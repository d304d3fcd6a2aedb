package dev.gptoss.ls.backend;

/**
 * Keeps only the {@code final} channel of harmony-formatted model output, fed in arbitrary
 * chunks. Servers normally hide harmony's special tokens, but raw prompts and chat templates
 * without a reasoning parser let them through: {@code <|channel|>analysis<|message|>...<|end|>}
 * must never reach an editor. Text before any token counts as final, since our raw prompt opens
 * the final channel itself.
 */
public final class HarmonyFilter {
    private static final int LONGEST_TOKEN = 24;

    private enum Part { BODY, HEADER, AFTER_END }

    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder header = new StringBuilder();
    private Part part = Part.BODY;
    private boolean finalChannel = true;
    private boolean finished;

    /** @return the final-channel text this chunk completes; holds back what may be a token's start */
    public String accept(String chunk) {
        if (finished) {
            return "";
        }
        pending.append(chunk);
        var out = new StringBuilder();
        int i = 0;
        while (i < pending.length() && !finished) {
            char c = pending.charAt(i);
            if (c == '<' && i + 1 < pending.length() && pending.charAt(i + 1) == '|') {
                int close = pending.indexOf("|>", i + 2);
                if (close < 0) {
                    if (pending.length() - i < LONGEST_TOKEN) {
                        break;
                    }
                } else if (close - i <= LONGEST_TOKEN && isTokenName(pending, i + 2, close)) {
                    onToken(pending.substring(i + 2, close));
                    i = close + 2;
                    continue;
                }
            } else if (c == '<' && i + 1 == pending.length()) {
                break;
            }
            emit(c, out);
            i++;
        }
        pending.delete(0, i);
        if (finished) {
            pending.setLength(0);
        }
        return out.toString();
    }

    /** Text still held back at the end of the stream: it was not a token after all. */
    public String flush() {
        var out = new StringBuilder();
        if (!finished) {
            for (int i = 0; i < pending.length(); i++) {
                emit(pending.charAt(i), out);
            }
        }
        pending.setLength(0);
        return out.toString();
    }

    /** The final message ended ({@code <|return|>}, {@code <|end|>} or {@code <|call|>}). */
    public boolean finished() {
        return finished;
    }

    private void emit(char c, StringBuilder out) {
        if (part == Part.HEADER) {
            header.append(c);
        } else if (part == Part.BODY && finalChannel) {
            out.append(c);
        }
    }

    private void onToken(String name) {
        switch (name) {
            case "start", "channel" -> {
                if (part != Part.HEADER) {
                    header.setLength(0);
                }
                header.append(' ').append(name).append(' ');
                part = Part.HEADER;
            }
            case "message" -> {
                finalChannel = channelOf(header.toString()).equals("final");
                header.setLength(0);
                part = Part.BODY;
            }
            case "end", "return", "call" -> {
                if (part == Part.BODY && finalChannel || !"end".equals(name)) {
                    finished = true;
                }
                part = Part.AFTER_END;
            }
            default -> {
                // <|constrain|>, <|endoftext|> and the like carry nothing for the editor.
            }
        }
    }

    private static String channelOf(String headerText) {
        int at = headerText.indexOf(" channel ");
        if (at < 0) {
            return "final";
        }
        String rest = headerText.substring(at + " channel ".length()).strip();
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private static boolean isTokenName(CharSequence s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
