package dev.gptoss.ls.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.concurrent.Lazy;
import dev.gptoss.ls.syntax.DocumentTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The catalog in force for the workspace: built-in patterns plus the workspace's
 * {@code .lukhas/patterns.json}, reloaded when that file is saved.
 */
public final class LukhasPatterns {
    public static final String WORKSPACE_FILE = ".lukhas/patterns.json";
    private static final Logger LOG = Logger.getLogger(LukhasPatterns.class.getName());

    private final Supplier<ObjectMapper> json;
    private final MatcherFactory matchers;
    private final DocumentTrees trees;
    private final String builtIn;
    private final Optional<String> docsHref;
    private volatile Supplier<PatternCatalog> current;

    /**
     * Reading the catalog is a first use of Jackson's data binding, a few hundred milliseconds of
     * class loading: the built-in catalog is read when first needed, not at start-up.
     *
     * @param trees the syntax trees the rules read
     */
    public LukhasPatterns(Supplier<ObjectMapper> json, DocumentTrees trees) {
        this.json = json;
        this.trees = trees;
        this.matchers = new RuleCompiler(trees.grammars());
        this.builtIn = builtInText();
        this.docsHref = findDocs();
        this.current = Lazy.of(() -> PatternCatalog.load(json.get(), matchers, trees, builtIn, Optional.empty(),
                docsHref, Optional.empty()).catalog());
    }

    /** The catalog in force; the first caller may wait for the built-in one to load. */
    public PatternCatalog current() {
        return current.get();
    }

    /**
     * Loads the built-in catalog and the workspace's, if {@code root} has one; returns what was
     * skipped. A workspace pattern whose new text does not compile keeps its previous version.
     */
    public synchronized List<CatalogProblem> reload(Optional<Path> root) {
        Optional<PatternCatalog.WorkspaceFile> workspace = Optional.empty();
        Optional<Path> file = root.map(r -> r.resolve(WORKSPACE_FILE)).filter(Files::isRegularFile);
        if (file.isPresent()) {
            try {
                workspace = Optional.of(new PatternCatalog.WorkspaceFile(file.get().toUri().toString(),
                        Files.readString(file.get())));
            } catch (IOException e) {
                return List.of(new CatalogProblem(file.get().toString(), null, e.toString()));
            }
        }
        var loaded = PatternCatalog.load(json.get(), matchers, trees, builtIn, workspace, docsHref,
                Optional.of(current()));
        PatternCatalog catalog = loaded.catalog();
        current = () -> catalog;
        loaded.problems().forEach(p -> LOG.warning(p.message()));
        return loaded.problems();
    }

    private static String builtInText() {
        try (InputStream in = LukhasPatterns.class.getResourceAsStream("/lukhas/patterns.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in pattern catalog is missing from the jar", e);
        }
    }

    /** docs/patterns.md of the checkout the server runs from (jar or classes), as a file URI. */
    private static Optional<String> findDocs() {
        try {
            Path at = Path.of(LukhasPatterns.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (int up = 0; up < 5 && at != null; up++, at = at.getParent()) {
                Path docs = at.resolve("docs").resolve("patterns.md");
                if (Files.isRegularFile(docs)) {
                    return Optional.of(docs.toUri().toString());
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            LOG.fine(() -> "No pattern docs next to the server: " + e);
        }
        return Optional.empty();
    }
}
