package dev.gptoss.ls.context;

import dev.gptoss.ls.syntax.Definition;
import java.util.ArrayList;
import java.util.List;

/** The headers (and docstrings) of the classes and functions around the cursor, innermost first. */
public final class EnclosingScopesSource implements ContextSource {
    static final String NAME = "scope";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ContextSnippet> collect(ContextRequest request) {
        var enclosing = new ArrayList<Definition>();
        for (Definition d : request.outline().definitions()) {
            if (d.scope() && d.contains(request.cursorLine()) && !request.visible(d.startLine())) {
                enclosing.add(d);
            }
        }
        var snippets = new ArrayList<ContextSnippet>();
        for (int i = enclosing.size() - 1; i >= 0; i--) {
            snippets.add(new ContextSnippet(NAME, request.document().uri(), enclosing.get(i).header(),
                    enclosing.size() - 1 - i));
        }
        return snippets;
    }
}
