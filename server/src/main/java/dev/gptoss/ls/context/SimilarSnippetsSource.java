package dev.gptoss.ls.context;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Windows of other open files whose identifiers overlap most with the lines before the cursor
 * (Jaccard similarity of identifier sets over sliding windows, as editors' neighbouring-tab
 * context does). A document's windows are computed once per version.
 */
public final class SimilarSnippetsSource implements ContextSource {
    static final String NAME = "similar";
    private static final int WINDOW_LINES = 20;
    private static final int STEP_LINES = 10;
    private static final int MAX_LINES_SCANNED = 10_000;
    private static final double MIN_SCORE = 0.15;
    private static final int SHOWN = 2;

    private record Window(int firstLine, int lastLine, Set<String> identifiers) {
    }

    private record Windows(int version, List<Window> windows) {
    }

    private record Scored(DocumentSnapshot document, Window window, double score) {
    }

    private final Supplier<List<DocumentSnapshot>> openDocuments;
    private final Map<String, Windows> cache = new ConcurrentHashMap<>();

    public SimilarSnippetsSource(Supplier<List<DocumentSnapshot>> openDocuments) {
        this.openDocuments = openDocuments;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ContextSnippet> collect(ContextRequest request) {
        Set<String> query = Identifiers.in(lastLines(request.cursor().prefix(), WINDOW_LINES));
        if (query.isEmpty()) {
            return List.of();
        }
        var best = new ArrayList<Scored>();
        var open = openDocuments.get();
        cache.keySet().retainAll(open.stream().map(DocumentSnapshot::uri).toList());
        for (DocumentSnapshot document : open) {
            if (document.uri().equals(request.document().uri())) {
                continue;
            }
            for (Window window : windows(document)) {
                double score = jaccard(query, window.identifiers());
                if (score >= MIN_SCORE) {
                    best.add(new Scored(document, window, score));
                }
            }
        }
        best.sort(Comparator.comparingDouble(Scored::score).reversed());
        var snippets = new ArrayList<ContextSnippet>();
        for (Scored s : best) {
            if (snippets.size() >= SHOWN) {
                break;
            }
            DocumentSnapshot d = s.document();
            String text = d.slice(d.lineStart(s.window().firstLine()), d.lineContentEnd(s.window().lastLine()));
            snippets.add(new ContextSnippet(NAME, d.uri(), text, snippets.size()));
        }
        return snippets;
    }

    private List<Window> windows(DocumentSnapshot document) {
        Windows cached = cache.get(document.uri());
        if (cached != null && cached.version() == document.version()) {
            return cached.windows();
        }
        var windows = new ArrayList<Window>();
        int lines = Math.min(document.lineCount(), MAX_LINES_SCANNED);
        for (int first = 0; first < lines; first += STEP_LINES) {
            int last = Math.min(lines - 1, first + WINDOW_LINES - 1);
            String text = document.slice(document.lineStart(first), document.lineContentEnd(last));
            windows.add(new Window(first, last, Identifiers.in(text)));
            if (last == lines - 1) {
                break;
            }
        }
        cache.put(document.uri(), new Windows(document.version(), windows));
        return windows;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String word : a) {
            if (b.contains(word)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static String lastLines(String text, int count) {
        int at = text.length();
        for (int i = 0; i < count && at > 0; i++) {
            at = text.lastIndexOf('\n', at - 1);
            if (at < 0) {
                return text;
            }
        }
        return text.substring(at);
    }
}
