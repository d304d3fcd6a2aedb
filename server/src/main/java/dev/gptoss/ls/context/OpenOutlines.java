package dev.gptoss.ls.context;

import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import dev.gptoss.ls.syntax.OutlineExtractor;
import dev.gptoss.ls.syntax.SyntaxTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The outline of each open document, refreshed on the parsing thread after each parse. */
public final class OpenOutlines implements SymbolLookup {
    private final OutlineExtractor extractor;
    private final Map<String, FileOutline> outlines = new ConcurrentHashMap<>();

    public OpenOutlines(OutlineExtractor extractor) {
        this.extractor = extractor;
    }

    /** Feed from {@code SyntaxTrees.onParsed}. */
    public void parsed(String uri, SyntaxTree tree) {
        outlines.put(uri, extractor.extract(uri, tree, true));
    }

    public void closed(String uri) {
        outlines.remove(uri);
    }

    public Optional<FileOutline> outline(String uri) {
        return Optional.ofNullable(outlines.get(uri));
    }

    public Collection<FileOutline> all() {
        return outlines.values();
    }

    @Override
    public List<Definition> named(String name) {
        var found = new ArrayList<Definition>();
        for (FileOutline outline : outlines.values()) {
            found.addAll(outline.named(name));
        }
        return found;
    }
}
