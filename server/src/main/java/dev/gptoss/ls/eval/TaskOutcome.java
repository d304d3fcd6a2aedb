package dev.gptoss.ls.eval;

/**
 * What one task gave: whether the server offered an item, the file after accepting it, whether that
 * is the task's own solution, and how its tests ended.
 *
 * @param keptTextAfterCursor the file after the cursor is as it was: accepting added, never removed
 * @param answerNanos from sending the request to reading the response
 */
public record TaskOutcome(InfillingTask task, boolean answered, String accepted, boolean exact,
                          boolean keptTextAfterCursor, PythonCheck.Verdict verdict, long answerNanos) {

    public boolean passed() {
        return verdict == PythonCheck.Verdict.PASSED;
    }

    /** Equal but for whitespace at the ends of lines, which neither Python nor a reader sees. */
    static boolean sameCode(String a, String b) {
        return withoutTrailingSpaces(a).equals(withoutTrailingSpaces(b));
    }

    private static String withoutTrailingSpaces(String text) {
        return text.replaceAll("[ \\t]+(?=\\n|$)", "").stripTrailing();
    }
}
