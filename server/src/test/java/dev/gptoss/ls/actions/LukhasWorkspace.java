package dev.gptoss.ls.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The LUKHAS sample code under test-workspace/lukhas, and the built-in catalog, for tests. */
public final class LukhasWorkspace {
    public static final Path ROOT = Path.of("..", "test-workspace", "lukhas").toAbsolutePath().normalize();

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
        return PatternCatalog.load(new ObjectMapper(), new RegexMatchers(), builtInCatalog(),
                workspaceJson.map(text -> Map.entry(".lukhas/patterns.json", text)), Optional.of("file:///docs/patterns.md"));
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

    public static String languageOf(String path) {
        if (path.endsWith(".py")) {
            return "python";
        }
        if (path.endsWith(".ts")) {
            return "typescript";
        }
        return path.endsWith(".java") ? "java" : null;
    }
}
