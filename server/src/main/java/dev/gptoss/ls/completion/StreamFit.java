package dev.gptoss.ls.completion;

/**
 * Whether a model call still fits what the user typed at its place since it was asked: the text
 * it has streamed so far is compared with the typed text, white space aside (the model's
 * indentation and the editor's auto-indent need not agree before the suggestion is shaped).
 */
enum StreamFit {
    /** The streamed text holds what was typed: the call will answer the request. */
    FITS,
    /** Everything streamed matches, but less was streamed than typed: it may fit, it may not. */
    CANNOT_TELL,
    /** The streamed text and the typed text differ somewhere: the call is of no use any more. */
    DIFFERS;

    static StreamFit of(String streamed, String typed) {
        String s = squeeze(streamed);
        String t = squeeze(typed);
        if (s.startsWith(t)) {
            return FITS;
        }
        return t.startsWith(s) ? CANNOT_TELL : DIFFERS;
    }

    /**
     * What to do with a call that is still running when the user types: keep one that fits; cut
     * one that differs; and one that cannot tell yet is never waited for: cut at once when it
     * holds the model server's last free slot (the next call would queue behind it), else kept
     * beside the next call in case it turns out to fit.
     */
    boolean keep(boolean idleSlot) {
        return this == FITS || this == CANNOT_TELL && idleSlot;
    }

    private static String squeeze(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
