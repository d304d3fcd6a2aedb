package dev.gptoss.ls.context;

import dev.gptoss.ls.documents.DocumentSnapshot;

/**
 * The cursor window cut to a token allowance: whole lines are dropped from the top of the prefix
 * and the bottom of the suffix, the cursor line always stays. Lines are counted one by one (their
 * counts are cached, so a keystroke re-counts only the line being typed). Where the cut falls
 * moves in steps of several lines, not with every key: a prompt that starts the same way as the
 * last one costs a model server with a prefix cache only its new tokens.
 */
record CursorFit(CursorContext cursor, int tokens, int firstLine, int lastLine) {
    /** When the start of the code before the cursor must move down, it moves this many lines further. */
    static final int PREFIX_STEP = 8;
    /** The lines kept after the cursor line are a multiple of this (unless the suffix is all there). */
    static final int SUFFIX_STEP = 8;

    /**
     * @param previousFirstLine the line the code before the cursor started on in this document's
     *     last prompt, or -1: it stays there while it fits
     */
    static CursorFit within(CursorContext full, DocumentSnapshot document, int offset, int allowance,
                            TokenCounter counter, int previousFirstLine) {
        String[] before = linesWithEnds(full.prefix());
        String[] after = linesWithEnds(full.suffix());
        int cursorLine = document.positionOf(offset).line();
        // The cursor line (last piece of the prefix, first of the suffix) always stays, cut to the
        // allowance around the cursor if it alone is too long (minified code, binary junk).
        int maxChars = Math.max(0, allowance) * 8; // no token is longer than this on average
        String lineBefore = before[before.length - 1];
        if (lineBefore.length() > maxChars) {
            before[before.length - 1] = lineBefore.substring(lineBefore.length() - maxChars);
        }
        if (after[0].length() > maxChars / 2) {
            after[0] = after[0].substring(0, maxChars / 2);
        }
        int tokens = counter.count(before[before.length - 1] + after[0]);
        while (tokens > allowance && before[before.length - 1].length() + after[0].length() > 0) {
            String left = before[before.length - 1];
            String right = after[0];
            before[before.length - 1] = left.substring(left.length() - left.length() * 3 / 4);
            after[0] = right.substring(0, right.length() / 2);
            tokens = counter.count(before[before.length - 1] + after[0]);
        }
        // The code after the cursor gets at most a third. What is kept of it changes in steps of
        // whole line groups, and the code before it starts where it started last time while that
        // fits, so that the prompt stays the same from key to key and a model server's prefix
        // cache keeps serving it.
        int keptAfter = 1;
        int afterTokens = 0;
        while (keptAfter < after.length) {
            int t = counter.countCached(after[keptAfter]);
            if (tokens + afterTokens + t > allowance || afterTokens + t > allowance / 3) {
                break;
            }
            afterTokens += t;
            keptAfter++;
        }
        if (keptAfter < after.length && keptAfter > SUFFIX_STEP) {
            int aligned = 1 + (keptAfter - 1) / SUFFIX_STEP * SUFFIX_STEP;
            for (int i = aligned; i < keptAfter; i++) {
                afterTokens -= counter.countCached(after[i]);
            }
            keptAfter = aligned;
        }
        tokens += afterTokens;
        int keptBefore = 1;
        while (keptBefore < before.length) {
            int t = counter.countCached(before[before.length - 1 - keptBefore]);
            if (tokens + t > allowance) {
                break;
            }
            tokens += t;
            keptBefore++;
        }
        int firstLine = cursorLine - (keptBefore - 1);
        int stableFirst = previousFirstLine < 0 || previousFirstLine > cursorLine ? firstLine
                : previousFirstLine >= firstLine ? previousFirstLine
                : Math.min(cursorLine, firstLine + PREFIX_STEP);
        for (int line = firstLine; line < stableFirst; line++) {
            tokens -= counter.countCached(before[before.length - 1 - (cursorLine - line)]);
        }
        keptBefore = cursorLine - stableFirst + 1;
        if (cursorLine - (keptBefore - 1) == 0 && keptAfter < after.length) {
            // The whole file before the cursor fits: what is left of the allowance goes after it.
            int extra = keptAfter;
            int extraTokens = 0;
            while (extra < after.length) {
                int t = counter.countCached(after[extra]);
                if (tokens + extraTokens + t > allowance) {
                    break;
                }
                extraTokens += t;
                extra++;
            }
            if (extra < after.length && extra > keptAfter + SUFFIX_STEP) {
                int aligned = keptAfter + (extra - keptAfter) / SUFFIX_STEP * SUFFIX_STEP;
                for (int i = aligned; i < extra; i++) {
                    extraTokens -= counter.countCached(after[i]);
                }
                extra = aligned;
            }
            tokens += extraTokens;
            keptAfter = extra;
        }
        var prefix = new StringBuilder();
        for (int i = before.length - keptBefore; i < before.length; i++) {
            prefix.append(before[i]);
        }
        var suffix = new StringBuilder();
        for (int i = 0; i < keptAfter; i++) {
            suffix.append(after[i]);
        }
        var cursor = new CursorContext(full.path(), full.languageId(), prefix.toString(), suffix.toString(),
                full.linePrefix(), full.lineSuffix(), full.lineSeparator());
        return new CursorFit(cursor, tokens, cursorLine - (keptBefore - 1), cursorLine + (keptAfter - 1));
    }

    /** The lines of {@code text}, each with its {@code \n}; the last one is what follows the last {@code \n}. */
    private static String[] linesWithEnds(String text) {
        var lines = new java.util.ArrayList<String>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            lines.add(text.substring(start, nl + 1));
            start = nl + 1;
        }
        lines.add(text.substring(start));
        return lines.toArray(new String[0]);
    }
}
