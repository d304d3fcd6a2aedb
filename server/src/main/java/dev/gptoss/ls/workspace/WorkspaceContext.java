package dev.gptoss.ls.workspace;

import dev.gptoss.ls.concurrent.ForegroundWork;
import dev.gptoss.ls.config.ContextSettings;
import dev.gptoss.ls.context.ContextAssembler;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.context.DefinitionsSource;
import dev.gptoss.ls.context.EnclosingScopesSource;
import dev.gptoss.ls.context.ImportsSource;
import dev.gptoss.ls.context.OpenOutlines;
import dev.gptoss.ls.context.PromptContext;
import dev.gptoss.ls.context.RecentEditsSource;
import dev.gptoss.ls.context.SimilarSnippetsSource;
import dev.gptoss.ls.context.TokenCounter;
import dev.gptoss.ls.context.resolve.NameResolver;
import dev.gptoss.ls.context.resolve.ProjectFiles;
import dev.gptoss.ls.documents.DocumentEvent;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.syntax.FileOutline;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.OutlineExtractor;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the server knows of the workspace's code, for prompts: syntax trees of open documents, their
 * outlines, recent edits, the workspace symbol index, and the context assembled around a cursor.
 */
public final class WorkspaceContext implements AutoCloseable {
    /** Room for the file name and language in the prompt's "File:" line. */
    private static final int FILE_LINE_TOKENS = 24;
    /** How long the first completion in a just-opened document waits for its first parse. */
    private static final long FIRST_PARSE_WAIT_MS = 30;

    private final DocumentStore documents;
    private final Supplier<ContextSettings> settings;
    private final SyntaxTrees syntax = new SyntaxTrees(new Grammars());
    private final OutlineExtractor outlineExtractor = new OutlineExtractor(syntax);
    private final OpenOutlines outlines = new OpenOutlines(outlineExtractor);
    private final TokenCounter tokens = new TokenCounter();
    private final WorkspaceIndex index;
    private final ContextAssembler assembler;
    private volatile ExclusionRules exclusions;
    private volatile List<String> excludeGlobs;
    private volatile Path workspaceRoot;
    private final String fixedPromptText;
    private final RecentEditsSource recentEdits;
    private volatile int fixedTokens = -1;

    /**
     * @param fixedPromptText the prompt text every completion carries whatever the cursor, which the
     *     context budget leaves room for
     */
    public WorkspaceContext(DocumentStore documents, Supplier<ContextSettings> settings, String fixedPromptText) {
        this(documents, settings, fixedPromptText, new ForegroundWork());
    }

    /** @param foreground completions being prepared, for which the workspace index steps aside */
    public WorkspaceContext(DocumentStore documents, Supplier<ContextSettings> settings, String fixedPromptText,
                            ForegroundWork foreground) {
        this.documents = documents;
        this.settings = settings;
        this.fixedPromptText = fixedPromptText;
        this.recentEdits = new RecentEditsSource(documents::find);
        this.excludeGlobs = settings.get().exclude();
        this.exclusions = ExclusionRules.of(null, excludeGlobs);
        this.index = new WorkspaceIndex(syntax, outlineExtractor, () -> exclusions, foreground);
        this.assembler = newAssembler();
    }

    /**
     * A document was opened, changed or closed: its syntax tree is brought up to date (in the
     * background), the edit is remembered, and a closed document's outline and last context go.
     */
    public void documentChanged(DocumentEvent event) {
        syntax.accept(event);
        recentEdits.accept(event);
        if (event.closed()) {
            outlines.closed(event.uri());
            index.documentClosed(event.uri());
            assembler.forget(event.uri());
        }
    }

    private ContextAssembler newAssembler() {
        syntax.onParsed((uri, tree) -> {
            outlines.parsed(uri, tree);
            outlines.outline(uri).ifPresent(index::openDocumentParsed);
        });
        var resolver = new NameResolver(index, new ProjectFiles());
        var sources = List.of(new EnclosingScopesSource(), new DefinitionsSource(resolver), new ImportsSource(),
                recentEdits, new SimilarSnippetsSource(documents::openSnapshots));
        return new ContextAssembler(new ContextAssembler.Inputs(CursorWindow.standard(), tokens, sources,
                this::outlineOf, documents::currentVersion, uri -> exclusions.excludedUri(uri), this::displayPath,
                () -> settings.get().budgetTokens(), this::fixedTokens));
    }

    /** Tokens of the prompt text every completion carries; counted once, when first needed. */
    private int fixedTokens() {
        int fixed = fixedTokens;
        if (fixed < 0) {
            fixed = tokens.count(fixedPromptText) + FILE_LINE_TOKENS;
            fixedTokens = fixed;
        }
        return fixed;
    }

    /** Reads the tokenizer's vocabulary (about 10 ms) on {@code executor}, before the first completion needs it. */
    public void prepareTokenizer(Executor executor) {
        tokens.prepare(executor);
    }

    /** Forgets the prompt context built for {@code uri}, as if no completion had been asked there. */
    public void forget(String uri) {
        assembler.forget(uri);
    }

    public PromptContext build(DocumentSnapshot document, int offset) {
        return assembler.build(document, offset);
    }

    /** {@link #build}, without keeping the context as the last one built (the one the editor can be shown). */
    public PromptContext assemble(DocumentSnapshot document, int offset) {
        return assembler.assemble(document, offset);
    }

    /**
     * Sets the workspace root, whose ignore files then apply, and starts the background index of it
     * (after {@code initialized}) unless told not to: an untrusted workspace is not indexed, but its
     * {@code .gitignore} still keeps files out of prompts.
     */
    public void openWorkspace(Path root, boolean indexed) {
        workspaceRoot = root == null ? null : root.toAbsolutePath().normalize();
        rebuildExclusions(settings.get().exclude());
        if (indexed) {
            index.start();
        }
    }

    /** A new configuration may bring other exclusion globs; the index follows them. */
    public void use(ContextSettings next) {
        boolean globsChanged = !next.exclude().equals(excludeGlobs);
        rebuildExclusions(next.exclude());
        Path root = workspaceRoot;
        if (globsChanged && root != null) {
            index.rulesChanged(root);
        }
    }

    /**
     * A file in the workspace was created, changed or deleted on disk. An ignore file rebuilds the
     * exclusion rules and makes the index drop or take up the files below it.
     */
    public void workspaceFileChanged(Path file, boolean deleted) {
        if (ExclusionRules.isIgnoreFile(file)) {
            rebuildExclusions(excludeGlobs);
            ExclusionRules.directoryGovernedBy(file, workspaceRoot).ifPresent(index::rulesChanged);
        } else if (deleted) {
            index.fileDeleted(file);
        } else {
            index.fileChanged(file);
        }
    }

    private synchronized void rebuildExclusions(List<String> globs) {
        excludeGlobs = globs;
        exclusions = ExclusionRules.of(workspaceRoot, globs);
    }

    /**
     * The newest outline, possibly a few keystrokes old: scopes and definitions barely move while
     * typing, and waiting for the parse of a large file would cost more than a keystroke.
     */
    private Optional<FileOutline> outlineOf(String uri) {
        Optional<FileOutline> outline = outlines.outline(uri);
        if (outline.isPresent()) {
            return outline;
        }
        syntax.awaitTree(uri, documents.currentVersion(uri).orElse(-1), FIRST_PARSE_WAIT_MS);
        return outlines.outline(uri);
    }

    private String displayPath(String uri) {
        Path root = workspaceRoot;
        try {
            Path path = Path.of(java.net.URI.create(uri));
            if (root != null && path.startsWith(root)) {
                return root.relativize(path).toString().replace('\\', '/');
            }
            return path.getFileName() == null ? uri : path.getFileName().toString();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return uri;
        }
    }

    public ContextAssembler assembler() {
        return assembler;
    }

    public SyntaxTrees syntax() {
        return syntax;
    }

    public WorkspaceIndex index() {
        return index;
    }

    public TokenCounter tokens() {
        return tokens;
    }

    public ExclusionRules exclusions() {
        return exclusions;
    }

    @Override
    public void close() {
        index.close();
        syntax.close();
    }
}
