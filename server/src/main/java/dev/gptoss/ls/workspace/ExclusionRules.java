package dev.gptoss.ls.workspace;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files whose text must never reach a model, as git sees them plus {@code gptoss.exclude}:
 * <ul>
 *   <li>every directory's {@code .gitignore}, its patterns relative to that directory and applying
 *       to its subtree; deeper files override shallower ones, the last matching pattern wins,
 *       {@code !} re-includes, and nothing inside an excluded directory can be re-included;</li>
 *   <li>{@code .git/info/exclude}, below every {@code .gitignore};</li>
 *   <li>the configured {@code gptoss.exclude} globs, above everything: a {@code .gitignore} cannot
 *       re-include what they exclude, and their own {@code !} only takes back an earlier glob of theirs.</li>
 * </ul>
 * Patterns are compiled once. A directory's {@code .gitignore} is read the first time a path
 * below it is checked (the workspace index's walk does that for every directory it enters), so a
 * check costs map look-ups and pattern matches, never a walk of the disk. The rules are rebuilt,
 * not updated, when an ignore file or the configuration changes.
 *
 * <p>A file outside the root, or a document that is not a file, is judged by its name alone against
 * the root's rules and the configured globs.
 */
public final class ExclusionRules {
    public static final List<String> DEFAULT_EXCLUDE = List.of(".env*", "*.pem", "*.key", "**/secrets/**");
    static final String IGNORE_FILE = ".gitignore";
    private static final Path INFO_EXCLUDE = Path.of(".git", "info", "exclude");

    /** A directory as far as ignoring goes: whether it is excluded, and the ignore patterns in force below it. */
    private record Directory(String base, boolean excluded, List<IgnorePattern> own, Directory parent) {
        /** The verdict of the deepest, last pattern that matches, or null when none does. */
        Boolean ignored(String relativePath, String name, boolean directory) {
            for (Directory d = this; d != null; d = d.parent) {
                String fromBase = relativePath.substring(d.base.length());
                for (int i = d.own.size() - 1; i >= 0; i--) {
                    IgnorePattern p = d.own.get(i);
                    if (p.matches(fromBase, name, directory)) {
                        return !p.negated();
                    }
                }
            }
            return null;
        }
    }

    private final Path root;
    private final List<IgnorePattern> configured;
    private final Directory rootDirectory;
    private final Map<String, Directory> directories = new ConcurrentHashMap<>();

    private ExclusionRules(Path root, List<IgnorePattern> configured, List<IgnorePattern> rootPatterns) {
        this.root = root;
        this.configured = configured;
        this.rootDirectory = new Directory("", false, rootPatterns, null);
    }

    /** The rules of a workspace (null: no workspace, only the configured globs count). */
    public static ExclusionRules of(Path root, List<String> excludeGlobs) {
        List<IgnorePattern> configured = excludeGlobs.stream().map(IgnorePattern::compile)
                .flatMap(Optional::stream).toList();
        if (root == null) {
            return new ExclusionRules(null, configured, List.of());
        }
        Path absolute = root.toAbsolutePath().normalize();
        var rootPatterns = new ArrayList<>(read(absolute.resolve(INFO_EXCLUDE)));
        rootPatterns.addAll(read(absolute.resolve(IGNORE_FILE)));
        return new ExclusionRules(absolute, configured, List.copyOf(rootPatterns));
    }

    /** Whether a file is one whose change means the rules must be rebuilt. */
    public static boolean isIgnoreFile(Path file) {
        return isGitignore(file) || file.endsWith(INFO_EXCLUDE);
    }

    /**
     * The directory whose files an ignore file decides about: a {@code .gitignore}'s own, the root
     * for {@code .git/info/exclude}; empty when there is no root.
     */
    public static Optional<Path> directoryGovernedBy(Path ignoreFile, Path root) {
        return Optional.ofNullable(isGitignore(ignoreFile) ? ignoreFile.toAbsolutePath().normalize().getParent() : root);
    }

    private static boolean isGitignore(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().equals(IGNORE_FILE);
    }

    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** Whether a document (by URI) may be shown to a model; a document is taken to be a file. */
    public boolean excludedUri(String uri) {
        try {
            URI parsed = URI.create(uri);
            if ("file".equals(parsed.getScheme())) {
                return excluded(Path.of(parsed));
            }
            String path = parsed.isOpaque() ? parsed.getSchemeSpecificPart() : parsed.getPath();
            return excludedByName(path == null || path.isEmpty() ? uri : path);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return excludedByName(uri);
        }
    }

    /** Whether a file is excluded. */
    public boolean excluded(Path file) {
        return excluded(file, false);
    }

    /** Whether a directory is excluded, and with it everything below it. */
    public boolean excludedDirectory(Path directory) {
        return excluded(directory, true);
    }

    private boolean excluded(Path path, boolean directory) {
        Path absolute = path.toAbsolutePath().normalize();
        if (root == null || !absolute.startsWith(root)) {
            return excludedByName(absolute.getFileName() == null ? "" : absolute.getFileName().toString());
        }
        String relative = root.relativize(absolute).toString().replace('\\', '/');
        if (relative.isEmpty()) {
            return false;
        }
        int slash = relative.lastIndexOf('/');
        Directory parent = directory(slash < 0 ? "" : relative.substring(0, slash));
        return parent.excluded() || excludedBelow(parent, relative, relative.substring(slash + 1), directory);
    }

    private boolean excludedByName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return excludedBelow(rootDirectory, name, name, false);
    }

    /** The verdict for a path whose parent directory is not excluded. */
    private boolean excludedBelow(Directory parent, String relative, String name, boolean directory) {
        for (int i = configured.size() - 1; i >= 0; i--) {
            IgnorePattern p = configured.get(i);
            if (p.matches(relative, name, directory)) {
                if (!p.negated()) {
                    return true;
                }
                break;
            }
        }
        return Boolean.TRUE.equals(parent.ignored(relative, name, directory));
    }

    /** A directory by its path relative to the root ("" for the root); its ignore file is read once. */
    private Directory directory(String relative) {
        if (relative.isEmpty()) {
            return rootDirectory;
        }
        Directory known = directories.get(relative);
        if (known != null) {
            return known;
        }
        int slash = relative.lastIndexOf('/');
        Directory parent = directory(slash < 0 ? "" : relative.substring(0, slash));
        Directory created;
        if (parent.excluded()) {
            created = new Directory(relative + "/", true, List.of(), parent);
        } else {
            boolean excluded = excludedBelow(parent, relative, relative.substring(slash + 1), true);
            List<IgnorePattern> own = excluded ? List.of() : read(root.resolve(relative).resolve(IGNORE_FILE));
            created = new Directory(relative + "/", excluded, own, parent);
        }
        Directory raced = directories.putIfAbsent(relative, created);
        return raced == null ? created : raced;
    }

    private static List<IgnorePattern> read(Path ignoreFile) {
        if (!Files.isRegularFile(ignoreFile)) {
            return List.of();
        }
        try {
            // Git reads bytes; a pattern that is not UTF-8 should not cost the file's other patterns.
            return new String(Files.readAllBytes(ignoreFile), StandardCharsets.UTF_8).lines()
                    .map(IgnorePattern::compile).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            // An unreadable ignore file leaves the others, and the configured globs, in force.
            return List.of();
        }
    }
}
