package dev.gptoss.ls.context;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How context pieces are written and ordered in the prompt. Sources that change least come first
 * and the cursor text last, so a backend that caches a prompt prefix (llama.cpp
 * {@code cache_prompt}, vLLM prefix caching) reuses most of the prompt on the next keystroke.
 */
public final class ContextLayout {
    static final String HEADING = "# Context from other code (read it, do not repeat it)\n\n";
    /** Most stable first: what other files define changes rarely, the scopes around the cursor often. */
    private static final List<String> STABILITY = List.of(
            ImportsSource.NAME, DefinitionsSource.NAME, SimilarSnippetsSource.NAME, RecentEditsSource.NAME,
            EnclosingScopesSource.NAME);
    private static final Map<String, String> TITLES = Map.of(
            ImportsSource.NAME, "imports", DefinitionsSource.NAME, "definition",
            SimilarSnippetsSource.NAME, "similar code", RecentEditsSource.NAME, "recently edited",
            EnclosingScopesSource.NAME, "enclosing scope");

    private ContextLayout() {
    }

    static String render(ContextSnippet snippet, String displayPath) {
        return "## " + TITLES.getOrDefault(snippet.source(), snippet.source()) + " — " + displayPath + "\n"
                + snippet.text().stripTrailing() + "\n\n";
    }

    static Comparator<PromptContext.Piece> promptOrder() {
        return Comparator.comparingInt((PromptContext.Piece p) -> stability(p.snippet().source()))
                .thenComparing(PromptContext.Piece::displayPath)
                .thenComparing(PromptContext.Piece::rendered);
    }

    private static int stability(String source) {
        int index = STABILITY.indexOf(source);
        return index < 0 ? STABILITY.size() : index;
    }
}
