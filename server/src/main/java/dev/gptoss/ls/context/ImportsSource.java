package dev.gptoss.ls.context;

import dev.gptoss.ls.syntax.Definition;
import java.util.ArrayList;
import java.util.List;

/** The file's imports (when not visible already) and what the imported names are inside the workspace. */
public final class ImportsSource implements ContextSource {
    static final String NAME = "imports";
    private static final int MAX_IMPORTED = 8;

    private final SymbolLookup workspace;

    public ImportsSource(SymbolLookup workspace) {
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ContextSnippet> collect(ContextRequest request) {
        List<String> imports = request.outline().imports();
        if (imports.isEmpty()) {
            return List.of();
        }
        var snippets = new ArrayList<ContextSnippet>();
        String uri = request.document().uri();
        CursorContext cursor = request.cursor();
        if (!imports.stream().allMatch(i -> cursor.prefix().contains(i) || cursor.suffix().contains(i))) {
            snippets.add(new ContextSnippet(NAME, uri, String.join("\n", imports), 0));
        }
        int rank = 1;
        for (String name : Identifiers.in(String.join("\n", imports))) {
            if (rank > MAX_IMPORTED) {
                break;
            }
            for (Definition d : workspace.named(name)) {
                if (!d.path().equals(uri)) {
                    snippets.add(new ContextSnippet(DefinitionsSource.NAME, d.path(), d.summary(), rank++));
                    break;
                }
            }
        }
        return snippets;
    }
}
