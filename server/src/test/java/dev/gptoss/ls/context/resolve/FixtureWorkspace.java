package dev.gptoss.ls.context.resolve;

import dev.gptoss.ls.CursorFixture;
import dev.gptoss.ls.concurrent.ForegroundWork;
import dev.gptoss.ls.context.ContextRequest;
import dev.gptoss.ls.context.ContextSnippet;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.context.DefinitionsSource;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.syntax.FileOutline;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.OutlineExtractor;
import dev.gptoss.ls.syntax.SyntaxTrees;
import dev.gptoss.ls.workspace.ExclusionRules;
import dev.gptoss.ls.workspace.WorkspaceIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small workspace on disk, indexed by the real workspace index, with one file holding the
 * cursor ({@code |}); asks the definitions source what the prompt gets at that cursor.
 */
final class FixtureWorkspace implements AutoCloseable {
    private final Path root;
    private final SyntaxTrees trees = new SyntaxTrees(new Grammars());
    private final OutlineExtractor extractor = new OutlineExtractor(trees);
    private final WorkspaceIndex index;
    private final String cursorPath;
    private final String marked;

    private FixtureWorkspace(Path root, String cursorPath, String marked) {
        this.root = root;
        this.cursorPath = cursorPath;
        this.marked = marked;
        this.index = new WorkspaceIndex(trees, extractor, () -> ExclusionRules.of(root, List.of()), new ForegroundWork());
    }

    /** Writes the files (the cursor file's {@code |} taken out) and indexes them. */
    static FixtureWorkspace of(Path root, String cursorPath, Map<String, String> files) throws Exception {
        var workspace = new FixtureWorkspace(root.toRealPath(), cursorPath, files.get(cursorPath));
        for (var file : files.entrySet()) {
            Path path = workspace.root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            String text = file.getKey().equals(cursorPath) ? CursorFixture.of(file.getValue()).text() : file.getValue();
            Files.writeString(path, text);
        }
        workspace.index.start();
        workspace.index.ready().get(30, TimeUnit.SECONDS);
        return workspace;
    }

    String uri(String path) {
        return root.resolve(path).toUri().toString();
    }

    /** What the definitions source gives at the cursor. */
    List<ContextSnippet> definitions() {
        String path = cursorPath;
        var fixture = CursorFixture.of(marked);
        String language = Grammars.languageOfFile(path).orElseThrow();
        DocumentSnapshot document = new TextDocument(uri(path), language, 1, fixture.text()).snapshot();
        FileOutline outline = extractor.extract(uri(path), trees.parse(language, fixture.text()).orElseThrow(), true);
        int line = document.positionOf(fixture.offset()).line();
        var cursor = CursorWindow.standard().around(document, fixture.offset());
        var request = new ContextRequest(document, fixture.offset(), cursor, line, Math.max(0, line - 2), line + 2, outline);
        return new DefinitionsSource(new NameResolver(index, new ProjectFiles())).collect(request);
    }

    /** The file-relative paths of the snippets, in order. */
    List<String> paths(List<ContextSnippet> snippets) {
        return snippets.stream().map(s -> root.toUri().relativize(java.net.URI.create(s.path())).toString()).toList();
    }

    @Override
    public void close() {
        index.close();
        trees.close();
    }
}
