package dev.gptoss.ls.context;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds what the prompt shows about one cursor within a token budget, by priority: the text at
 * the cursor, then enclosing scopes, definitions, recent edits, similar snippets. Each source is
 * asked in turn; one that fails is logged and skipped, and a document that changed in the
 * meantime stops the collection (the answer would be dropped anyway).
 */
public final class ContextAssembler {
    private static final Logger LOG = Logger.getLogger(ContextAssembler.class.getName());
    /** The cursor text may take this share of the room left after the fixed prompt text. */
    private static final double CURSOR_SHARE = 0.6;
    /** Context pieces collected for a document are kept while the cursor stays this close to where they were. */
    static final int STICKY_LINES = 24;

    /** The context pieces of a document's last prompt, and the cursor line they were collected at. */
    private record Collected(int line, List<PromptContext.Piece> pieces) {
    }

    /** What the assembler needs from the rest of the server. */
    public record Inputs(CursorWindow window, TokenCounter tokens, List<ContextSource> sourcesByPriority,
                         Function<String, Optional<FileOutline>> outlines,
                         Function<String, Optional<Integer>> currentVersion,
                         Predicate<String> excludedUri, Function<String, String> displayPath,
                         IntSupplier budgetTokens, IntSupplier fixedTokens) {
    }

    private final Inputs in;
    private final Map<String, PromptContext> last = new ConcurrentHashMap<>();
    /** Per document, the line the cursor text of its last prompt started on (kept while it fits, for prompt caches). */
    private final Map<String, Integer> windowStart = new ConcurrentHashMap<>();
    /** Per document, the context pieces of its last prompt (kept while the cursor stays near, for prompt caches). */
    private final Map<String, Collected> collected = new ConcurrentHashMap<>();
    private volatile String lastUri;

    public ContextAssembler(Inputs inputs) {
        this.in = inputs;
    }

    /** Builds the prompt context and keeps it as the last one built, for {@link #last}. */
    public PromptContext build(DocumentSnapshot document, int offset) {
        PromptContext context = assemble(document, offset);
        last.put(document.uri(), context);
        lastUri = document.uri();
        return context;
    }

    /** Builds the prompt context and keeps nothing. */
    public PromptContext assemble(DocumentSnapshot document, int offset) {
        int budget = in.budgetTokens().getAsInt();
        int fixedTokens = in.fixedTokens().getAsInt();
        int room = Math.max(0, budget - fixedTokens);
        CursorContext full = in.window().around(document, offset);
        CursorFit fit = CursorFit.within(full, document, offset, (int) (room * CURSOR_SHARE), in.tokens(),
                windowStart.getOrDefault(document.uri(), -1));
        windowStart.put(document.uri(), fit.firstLine());
        int used = fixedTokens + fit.tokens();
        var pieces = new ArrayList<PromptContext.Piece>();
        if (!in.excludedUri().test(document.uri())) {
            int line = document.positionOf(offset).line();
            Collected kept = collected.get(document.uri());
            int keptTokens = kept == null ? 0 : kept.pieces().stream().mapToInt(PromptContext.Piece::tokens).sum();
            if (kept != null && Math.abs(kept.line() - line) <= STICKY_LINES && used + keptTokens <= budget) {
                // The same context as the last prompt: the prompt's start stays the same for the
                // model server's prefix cache (recomputing it costs more than a fresher piece gains).
                pieces.addAll(kept.pieces());
                used += keptTokens;
            } else {
                used = addSources(document, offset, fit, budget, used, pieces);
                collected.put(document.uri(), new Collected(line, List.copyOf(pieces)));
            }
        }
        pieces.sort(ContextLayout.promptOrder());
        return new PromptContext(fit.cursor(), pieces, budget, used, fit.tokens(), fixedTokens);
    }

    /** The last prompt context built for a document, or for any document when {@code uri} is null. */
    public Optional<PromptContext> last(String uri) {
        String key = uri != null ? uri : lastUri;
        return key == null ? Optional.empty() : Optional.ofNullable(last.get(key));
    }

    public void forget(String uri) {
        last.remove(uri);
        windowStart.remove(uri);
        collected.remove(uri);
        if (uri.equals(lastUri)) {
            lastUri = null;
        }
    }

    private int addSources(DocumentSnapshot document, int offset, CursorFit fit, int budget, int used,
                           List<PromptContext.Piece> pieces) {
        FileOutline outline = in.outlines().apply(document.uri())
                .orElse(FileOutline.empty(document.uri(), document.languageId()));
        var request = new ContextRequest(document, offset, fit.cursor(), document.positionOf(offset).line(),
                fit.firstLine(), fit.lastLine(), outline);
        var seen = new HashSet<String>();
        // Snippets come from a handful of files: judge and name each file once per prompt.
        var excluded = new HashMap<String, Boolean>();
        var displayed = new HashMap<String, String>();
        for (ContextSource source : in.sourcesByPriority()) {
            if (!stillCurrent(document)) {
                break;
            }
            List<ContextSnippet> snippets;
            try {
                snippets = new ArrayList<>(source.collect(request));
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "Context source " + source.name() + " failed; the prompt goes without it", e);
                continue;
            }
            snippets.sort(java.util.Comparator.comparingInt(ContextSnippet::priority));
            for (ContextSnippet snippet : snippets) {
                if (snippet.text().isBlank() || excluded.computeIfAbsent(snippet.path(), in.excludedUri()::test)
                        || !seen.add(snippet.path() + "\u0000" + snippet.text())) {
                    continue;
                }
                if (coveredByIncluded(snippet, pieces)) {
                    continue;
                }
                used -= dropCoveredBy(snippet, pieces);
                String display = displayed.computeIfAbsent(snippet.path(), in.displayPath());
                String rendered = ContextLayout.render(snippet, display);
                int tokens = in.tokens().countCached(rendered) + (pieces.isEmpty() ? headingTokens() : 0);
                if (used + tokens <= budget) {
                    pieces.add(new PromptContext.Piece(snippet, display, rendered, tokens));
                    used += tokens;
                }
            }
        }
        return used;
    }

    /** A definition already shown inside a larger one from the same file (a method in its class). */
    private static boolean coveredByIncluded(ContextSnippet snippet, List<PromptContext.Piece> pieces) {
        String text = snippet.text().strip();
        return pieces.stream().anyMatch(p -> p.snippet().path().equals(snippet.path())
                && p.snippet().text().contains(text));
    }

    /** Removes pieces the new snippet shows in full; returns the tokens they took. */
    private static int dropCoveredBy(ContextSnippet snippet, List<PromptContext.Piece> pieces) {
        int freed = 0;
        for (var it = pieces.iterator(); it.hasNext(); ) {
            PromptContext.Piece p = it.next();
            if (p.snippet().path().equals(snippet.path()) && snippet.text().contains(p.snippet().text().strip())) {
                freed += p.tokens();
                it.remove();
            }
        }
        return freed;
    }

    private int headingTokens() {
        return in.tokens().countCached(ContextLayout.HEADING);
    }

    private boolean stillCurrent(DocumentSnapshot document) {
        return in.currentVersion().apply(document.uri()).map(v -> v == document.version()).orElse(true);
    }
}
