package dev.gptoss.ls.actions;

/**
 * A catalog entry (or a whole catalog file) that could not be used.
 *
 * @param source the file, or "built-in"
 * @param patternId the entry's id, or null when the problem is the file itself
 */
public record CatalogProblem(String source, String patternId, String reason) {
    public String message() {
        return patternId == null
                ? "LUKHAS patterns: cannot read " + source + ": " + reason
                : "LUKHAS pattern " + patternId + " in " + source + " is skipped: " + reason;
    }
}
