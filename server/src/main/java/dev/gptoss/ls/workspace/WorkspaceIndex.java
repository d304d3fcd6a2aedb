package dev.gptoss.ls.workspace;

import dev.gptoss.ls.concurrent.ForegroundWork;
import dev.gptoss.ls.context.SymbolLookup;
import dev.gptoss.ls.context.resolve.WorkspaceFiles;
import dev.gptoss.ls.syntax.Definition;
import dev.gptoss.ls.syntax.FileOutline;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.OutlineExtractor;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Definitions of every source file in the workspace, by name, built on one background thread after
 * {@code initialized} that steps aside between files while a completion is being prepared, and kept
 * fresh from watched-file events and open documents.
 * Bounded (file count, file size), honours {@link ExclusionRules}, never looks outside the root.
 */
public final class WorkspaceIndex implements SymbolLookup, WorkspaceFiles, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkspaceIndex.class.getName());
    public static final int MAX_FILES = 20_000;
    public static final long MAX_FILE_BYTES = 256 * 1024;
    /** The longest the walk steps aside for a completion before the next file, should one hang. */
    private static final long MAX_YIELD_MS = 500;

    private final SyntaxTrees trees;
    private final OutlineExtractor extractor;
    private final Supplier<ExclusionRules> rules;
    private final ForegroundWork foreground;
    /** Threads that parse besides the indexing thread while a whole tree is indexed: one on two cores or more. */
    private static final int HELPERS = Math.min(1, Runtime.getRuntime().availableProcessors() - 1);

    private final ExecutorService indexing = Executors.newSingleThreadExecutor(runnable -> indexThread(runnable, "gptoss-index"));
    private final ExecutorService helpers = Executors.newFixedThreadPool(Math.max(1, HELPERS),
            runnable -> indexThread(runnable, "gptoss-index-helper"));
    private final Map<String, FileOutline> files = new ConcurrentHashMap<>();
    private final Map<String, List<Definition>> byName = new ConcurrentHashMap<>();
    /** File URIs by file name, for resolving module paths ({@code a/b/C.java}, {@code pkg/__init__.py}). */
    private final Map<String, Set<String>> byFileName = new ConcurrentHashMap<>();
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();
    private final ImportedFirst order = new ImportedFirst();
    /** Until started (never, in an untrusted workspace) nothing on disk is read. */
    private volatile boolean started;

    public WorkspaceIndex(SyntaxTrees trees, OutlineExtractor extractor, Supplier<ExclusionRules> rules,
                          ForegroundWork foreground) {
        this.trees = trees;
        this.extractor = extractor;
        this.rules = rules;
        this.foreground = foreground;
    }

    /** Starts the background walk of the root; {@link #ready()} completes with the number of files indexed. */
    public void start() {
        started = true;
        onIndexThread(() -> {
            try {
                ready.complete(walk(rules.get().root(), false));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Workspace index stopped early", e);
                ready.complete(files.size());
            }
        });
    }

    public CompletableFuture<Integer> ready() {
        return ready;
    }

    /** Where the index stands: {@code off} (not started), {@code building} or {@code ready}, and its file count. */
    public record Progress(String state, int files) {
    }

    public Progress progress() {
        String state = !started ? "off" : ready.isDone() ? "ready" : "building";
        return new Progress(state, files.size());
    }

    public int fileCount() {
        return files.size();
    }

    @Override
    public List<Definition> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    @Override
    public Optional<FileOutline> outline(String uri) {
        return Optional.ofNullable(files.get(uri));
    }

    @Override
    public Collection<String> filesNamed(String fileName) {
        Set<String> uris = byFileName.get(fileName);
        return uris == null ? List.of() : List.copyOf(uris);
    }

    /** A file was created or changed on disk. */
    public void fileChanged(Path file) {
        if (!started) {
            return;
        }
        onIndexThread(() -> indexFile(file));
    }

    /** An open document closed: what it imports is no longer indexed first. */
    public void documentClosed(String uri) {
        order.documentClosed(uri);
    }

    public void fileDeleted(Path file) {
        onIndexThread(() -> forget(file.toUri().toString()));
    }

    /**
     * The exclusion rules changed below {@code directory} (an ignore file or the configured globs):
     * files now excluded there leave the index, files no longer excluded join it.
     */
    public void rulesChanged(Path directory) {
        if (!started) {
            return;
        }
        onIndexThread(() -> {
            Path start = directory.toAbsolutePath().normalize();
            ExclusionRules current = rules.get();
            for (String uri : List.copyOf(files.keySet())) {
                pathOf(uri).filter(p -> p.startsWith(start) && current.excluded(p)).ifPresent(p -> forget(uri));
            }
            if (insideRoot(start) && !current.excludedDirectory(start)) {
                walk(Optional.of(start), true);
            }
        });
    }

    /** A fresher outline of an open document inside the workspace; the files it imports are indexed first. */
    public void openDocumentParsed(FileOutline outline) {
        Optional<Path> path = pathOf(outline.path());
        path.ifPresent(p -> order.documentImports(outline.path(), p, outline.imports()));
        if (started && path.isPresent() && insideRoot(path.get()) && !rules.get().excluded(path.get())) {
            onIndexThread(() -> put(path.get().toUri().toString(), outline));
        }
    }

    /** Indexes the files below {@code root}, all of them or only those not indexed yet; returns how many. */
    private int walk(Optional<Path> root, boolean onlyNew) {
        if (root.isEmpty() || !Files.isDirectory(root.get())) {
            return 0;
        }
        long started = System.nanoTime();
        var candidates = new ArrayList<Path>();
        try {
            Files.walkFileTree(root.get(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (Thread.currentThread().isInterrupted()) {
                        return FileVisitResult.TERMINATE;
                    }
                    boolean skip = !dir.equals(root.get())
                            && (dir.getFileName().toString().equals(".git") || rules.get().excludedDirectory(dir));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    boolean known = onlyNew && files.containsKey(file.toUri().toString());
                    if (!known && attrs.isRegularFile() && attrs.size() <= MAX_FILE_BYTES
                            && Grammars.languageOfFile(file.getFileName().toString()).isPresent()) {
                        candidates.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warning("Workspace index incomplete: " + e.getMessage());
        }
        var count = new AtomicInteger(onlyNew ? files.size() : 0);
        indexAll(candidates, count);
        if (count.get() >= MAX_FILES) {
            LOG.info("Workspace index stops at " + MAX_FILES + " files");
        }
        LOG.info(() -> "Indexed " + count.get() + " files in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return count.get();
    }

    /**
     * Parses the files on this thread and {@link #HELPERS} more: parsing and reading the outline
     * are nearly all of an index's time and need nothing from each other. Each thread steps aside
     * before each file while a completion is being prepared. The files the open documents import
     * go first ({@link ImportedFirst}).
     */
    private void indexAll(List<Path> candidates, AtomicInteger count) {
        order.begin(candidates);
        try {
            indexInOrder(count);
        } finally {
            order.end();
        }
    }

    private void indexInOrder(AtomicInteger count) {
        Runnable worker = () -> {
            for (Path file = order.next(); file != null && count.get() < MAX_FILES; file = order.next()) {
                try {
                    foreground.awaitIdle(MAX_YIELD_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (indexFile(file)) {
                    count.incrementAndGet();
                }
            }
        };
        var helping = new ArrayList<Future<?>>();
        for (int h = 0; h < HELPERS; h++) {
            try {
                helping.add(helpers.submit(worker));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // the index is closing
            }
        }
        worker.run();
        for (Future<?> helper : helping) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                helping.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.log(Level.WARNING, "A workspace index thread stopped early", e.getCause());
            }
        }
    }

    private boolean indexFile(Path file) {
        Optional<String> language = Grammars.languageOfFile(file.getFileName().toString());
        String uri = file.toUri().toString();
        if (language.isEmpty() || !insideRoot(file)) {
            return false;
        }
        if (rules.get().excluded(file)) {
            forget(uri);
            return false;
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                forget(uri);
                return false;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            var parsed = trees.parse(language.get(), text);
            if (parsed.isEmpty()) {
                return false;
            }
            try (var tree = parsed.get()) {
                put(uri, extractor.extract(uri, tree));
            }
            return true;
        } catch (CharacterCodingException e) {
            return false; // not text
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Not indexed: " + file + " (" + e + ")");
            return false;
        }
    }

    private void put(String uri, FileOutline outline) {
        forget(uri);
        files.put(uri, outline.path().equals(uri) ? outline : new FileOutline(uri, outline.languageId(),
                outline.version(), outline.definitions().stream().map(d -> rebased(d, uri)).toList(), outline.imports()));
        byFileName.computeIfAbsent(fileName(uri), n -> ConcurrentHashMap.newKeySet()).add(uri);
        for (Definition d : outline.definitions()) {
            byName.compute(d.name(), (name, list) -> {
                var next = list == null ? new ArrayList<Definition>() : new ArrayList<>(list);
                next.add(d.path().equals(uri) ? d : rebased(d, uri));
                return List.copyOf(next);
            });
        }
    }

    private void forget(String uri) {
        FileOutline old = files.remove(uri);
        if (old == null) {
            return;
        }
        byFileName.computeIfPresent(fileName(uri), (n, uris) -> {
            uris.remove(uri);
            return uris.isEmpty() ? null : uris;
        });
        for (Definition d : old.definitions()) {
            byName.computeIfPresent(d.name(), (name, list) -> {
                var next = list.stream().filter(x -> !x.path().equals(uri)).toList();
                return next.isEmpty() ? null : next;
            });
        }
    }

    private static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static Definition rebased(Definition d, String uri) {
        return new Definition(d.name(), d.kind(), uri, d.startLine(), d.endLine(), d.scope(), d.header(), d.summary());
    }

    private boolean insideRoot(Path file) {
        return rules.get().root().map(root -> file.toAbsolutePath().normalize().startsWith(root)).orElse(false);
    }

    private static Optional<Path> pathOf(String uri) {
        try {
            return Optional.of(Path.of(java.net.URI.create(uri)));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Thread indexThread(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }

    /** Runs index work on the index thread; work that arrives once the index is closed has no use and is dropped. */
    private void onIndexThread(Runnable work) {
        try {
            indexing.execute(work);
        } catch (RejectedExecutionException closed) {
            // Closed: the server is stopping.
        }
    }

    @Override
    public void close() {
        indexing.shutdownNow();
        helpers.shutdownNow();
    }
}
