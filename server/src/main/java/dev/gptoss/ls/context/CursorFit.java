package dev.gptoss.ls.context;

import dev.gptoss.ls.documents.DocumentSnapshot;

/**
 * The cursor window cut to a token allowance: whole lines are dropped from the top of the prefix
 * and the bottom of the suffix, the cursor line always stays. Lines are counted one by one (their
 * counts are cached, so a keystroke re-counts only the line being typed).
 */
record CursorFit(CursorContext cursor, int tokens, int firstLine, int lastLine) {

    static CursorFit within(CursorContext full, DocumentSnapshot document, int offset, int allowance,
                            TokenCounter counter) {
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
        int keptBefore = 1;
        int keptAfter = 1;
        // Two lines before for each line after: what precedes the cursor says most.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < 2 && keptBefore < before.length; i++) {
                int t = counter.countCached(before[before.length - 1 - keptBefore]);
                if (tokens + t > allowance) {
                    break;
                }
                tokens += t;
                keptBefore++;
                grew = true;
            }
            if (keptAfter < after.length) {
                int t = counter.countCached(after[keptAfter]);
                if (tokens + t <= allowance) {
                    tokens += t;
                    keptAfter++;
                    grew = true;
                }
            }
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
                full.linePrefix(), full.lineSuffix(), full.previousLines(), full.lineSeparator());
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
