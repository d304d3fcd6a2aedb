package dev.gptoss.ls.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The LUKHAS sample code under test-workspace/lukhas, and the built-in catalog, for tests. */
public final class LukhasWorkspace {
    public static final Path ROOT = Path.of("..", "test-workspace", "lukhas").toAbsolutePath().normalize();
    /** Where tests put a workspace catalog. */
    public static final String WORKSPACE_URI = "file:///ws/.lukhas/patterns.json";
    /** Trees for the catalogs tests load: snapshots that are not open documents are parsed when scanned. */
    public static final SyntaxTrees TREES = new SyntaxTrees(new Grammars());

    private LukhasWorkspace() {
    }

    public static String builtInCatalog() {
        try (InputStream in = LukhasWorkspace.class.getResourceAsStream("/lukhas/patterns.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PatternCatalog.Loaded load(Optional<String> workspaceJson) {
        return load(workspaceJson, Optional.empty());
    }

    /** @param previous the catalog in force before this load */
    public static PatternCatalog.Loaded load(Optional<String> workspaceJson, Optional<PatternCatalog> previous) {
        return PatternCatalog.load(new ObjectMapper(), new RuleCompiler(TREES.grammars()), TREES, builtInCatalog(),
                workspaceJson.map(text -> new PatternCatalog.WorkspaceFile(WORKSPACE_URI, text)),
                Optional.of("file:///docs/patterns.md"), previous);
    }

    public static PatternCatalog builtIn() {
        return load(Optional.empty()).catalog();
    }

    /** Every source file, by path relative to the LUKHAS root, with '/' separators. */
    public static List<String> sourceFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).filter(p -> languageOf(p.toString()) != null)
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DocumentSnapshot snapshot(String relative) {
        return snapshotOf("file:///lukhas/" + relative, read(relative));
    }

    public static DocumentSnapshot snapshotOf(String uri, String text) {
        return new TextDocument(uri, languageOf(uri), 1, text).snapshot();
    }

    /** The text with the edits applied (LSP semantics: every range refers to the original text). */
    public static String applied(DocumentSnapshot document, List<Edit> edits) {
        var sorted = new java.util.ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(offset(document, b.range().start()), offset(document, a.range().start())));
        String text = document.text();
        for (Edit edit : sorted) {
            text = text.substring(0, offset(document, edit.range().start())) + edit.newText()
                    + text.substring(offset(document, edit.range().end()));
        }
        return text;
    }

    private static int offset(DocumentSnapshot document, dev.gptoss.ls.documents.TextPosition position) {
        try {
            return document.offsetOf(position);
        } catch (dev.gptoss.ls.documents.PositionOutOfRangeException e) {
            throw new AssertionError(e);
        }
    }

    public static String languageOf(String path) {
        if (path.endsWith(".py")) {
            return "python";
        }
        if (path.endsWith(".ts")) {
            return "typescript";
        }
        if (path.endsWith(".js")) {
            return "javascript";
        }
        return path.endsWith(".java") ? "java" : null;
    }
}
