package dev.gptoss.ls.actions;

import java.util.Optional;

/**
 * A catalog entry (or a whole catalog file) that could not be used.
 *
 * @param source the file (a URI), or "built-in"
 * @param patternId the entry's id, or null when the problem is the file itself
 * @param range where in the file the problem is, when known
 */
public record CatalogProblem(String source, String patternId, String reason, Optional<Span> range) {

    public CatalogProblem(String source, String patternId, String reason) {
        this(source, patternId, reason, Optional.empty());
    }

    public String message() {
        return patternId == null
                ? "LUKHAS patterns: cannot read " + source + ": " + reason
                : "LUKHAS pattern " + patternId + " in " + source + " is skipped: " + reason;
    }
}
