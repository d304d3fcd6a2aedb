package dev.gptoss.ls.context;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Definitions of the names used near the cursor, from the current file (outside the visible
 * window), other open documents and the workspace index. Nearest use first.
 */
public final class DefinitionsSource implements ContextSource {
    static final String NAME = "definition";
    private static final int NEAR_CHARS = 1500;
    private static final int MAX_NAMES = 16;
    private static final int PER_NAME = 2;

    private final SymbolLookup workspace;

    public DefinitionsSource(SymbolLookup workspace) {
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ContextSnippet> collect(ContextRequest request) {
        String uri = request.document().uri();
        var snippets = new ArrayList<ContextSnippet>();
        var seen = new HashSet<String>();
        int rank = 0;
        FileOutline inFile = request.outline();
        for (String name : namesNearCursor(request)) {
            if (rank >= MAX_NAMES) {
                break;
            }
            int taken = 0;
            for (Definition d : candidates(request, inFile, name)) {
                boolean local = d.path().equals(uri);
                if (local && (request.visible(d.startLine()) || d.contains(request.cursorLine()))) {
                    continue;
                }
                if (taken < PER_NAME && seen.add(d.path() + "#" + d.startLine())) {
                    snippets.add(new ContextSnippet(NAME, d.path(), d.summary(), rank));
                    taken++;
                }
            }
            if (taken > 0) {
                rank++;
            }
        }
        return snippets;
    }

    private List<Definition> candidates(ContextRequest request, FileOutline local, String name) {
        var found = new ArrayList<>(local.named(name));
        for (Definition d : workspace.named(name)) {
            if (!d.path().equals(request.document().uri())) {
                found.add(d);
            }
        }
        return found;
    }


    /** Identifiers around the cursor, nearest first: the cursor line, then the lines above, then below. */
    private static List<String> namesNearCursor(ContextRequest request) {
        CursorContext cursor = request.cursor();
        String before = cursor.prefix();
        before = before.substring(Math.max(0, before.length() - NEAR_CHARS));
        var ordered = new ArrayList<>(Identifiers.in(before));
        java.util.Collections.reverse(ordered);
        Set<String> names = new java.util.LinkedHashSet<>(ordered);
        String after = cursor.suffix();
        names.addAll(Identifiers.in(after.substring(0, Math.min(after.length(), NEAR_CHARS / 3))));
        return new ArrayList<>(names);
    }
}
