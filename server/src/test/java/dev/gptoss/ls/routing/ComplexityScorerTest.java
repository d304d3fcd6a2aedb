package dev.gptoss.ls.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.config.RoutingSettings;
import org.junit.jupiter.api.Test;

class ComplexityScorerTest {
    private final ComplexityScorer scorer = new ComplexityScorer();
    private final RoutingSettings defaults = RoutingSettings.DEFAULT;

    @Test
    void midLineAutomaticCompletionScoresFast() {
        int score = scorer.score(request(RequestKind.AUTOMATIC_COMPLETION, false, 3000, "python"));
        assertTrue(score <= defaults.fastMaxScore(), "score " + score);
    }

    @Test
    void multiLineRefactorScoresStrong() {
        int score = scorer.score(request(RequestKind.CODE_ACTION, true, 1200, "java"));
        assertTrue(score >= defaults.strongMinScore(), "score " + score);
    }

    @Test
    void moreContextAndHarderLanguagesScoreHigherUpToTheCap() {
        int small = scorer.score(request(RequestKind.INVOKED_COMPLETION, false, 400, "python"));
        int large = scorer.score(request(RequestKind.INVOKED_COMPLETION, false, 6000, "python"));
        int rust = scorer.score(request(RequestKind.INVOKED_COMPLETION, false, 6000, "rust"));
        int yaml = scorer.score(request(RequestKind.INVOKED_COMPLETION, false, 6000, "yaml"));
        assertTrue(small < large && large < rust && yaml < large, small + " " + large + " " + rust + " " + yaml);
        assertEquals(100, scorer.score(request(RequestKind.CODE_ACTION, true, 1_000_000, "rust")));
        assertEquals(0, scorer.score(request(RequestKind.AUTOMATIC_COMPLETION, false, 0, "json")));
    }

    private static RouteRequest request(RequestKind kind, boolean multiLine, int contextChars, String language) {
        return new RouteRequest(kind, multiLine, contextChars, language, "file:///a", Long.MAX_VALUE);
    }
}
