package dev.gptoss.ls.routing;

import java.util.Locale;
import java.util.Set;

/**
 * Scores how hard a request is, from 0 to 100: what it is, whether the answer spans lines, how much
 * code comes with it, and the language. Low scores go to the fast tier, high ones to the strong.
 */
public final class ComplexityScorer {
    private static final Set<String> DEMANDING = Set.of("rust", "cpp", "c", "haskell", "scala", "ocaml", "coq", "lean");
    private static final Set<String> FORGIVING = Set.of("json", "jsonc", "yaml", "toml", "ini", "markdown", "plaintext",
            "csv", "properties");
    private static final int CHARS_PER_POINT = 400;
    private static final int MAX_CONTEXT_POINTS = 20;

    public int score(RouteRequest request) {
        int score = switch (request.kind()) {
            case AUTOMATIC_COMPLETION -> 0;
            case INVOKED_COMPLETION -> 15;
            case CODE_ACTION -> 50;
        };
        if (request.multiLine()) {
            score += 25;
        }
        score += Math.min(MAX_CONTEXT_POINTS, Math.max(0, request.contextChars()) / CHARS_PER_POINT);
        String language = request.languageId() == null ? "" : request.languageId().toLowerCase(Locale.ROOT);
        if (DEMANDING.contains(language)) {
            score += 10;
        } else if (FORGIVING.contains(language)) {
            score -= 10;
        }
        return Math.max(0, Math.min(100, score));
    }
}
