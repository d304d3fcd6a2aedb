package dev.gptoss.ls.context;

import java.util.List;

/**
 * The file's import statements, when the visible window does not show them already: they say
 * where the names at the cursor come from. What the imported names are is the definitions'
 * source's job, for the names the cursor uses.
 */
public final class ImportsSource implements ContextSource {
    static final String NAME = "imports";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ContextSnippet> collect(ContextRequest request) {
        List<String> imports = request.outline().imports();
        CursorContext cursor = request.cursor();
        if (imports.isEmpty()
                || imports.stream().allMatch(i -> cursor.prefix().contains(i) || cursor.suffix().contains(i))) {
            return List.of();
        }
        return List.of(new ContextSnippet(NAME, request.document().uri(), String.join("\n", imports), 0));
    }
}
