package dev.gptoss.ls.guard;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Exclusion by glob, matched against the path relative to the workspace root (the absolute path
 * outside it). As in {@code .gitignore}, a glob without {@code /} matches a file name at any depth,
 * and a leading {@code **}{@code /} also matches at the root.
 */
public final class GlobExclusions implements ExcludedDocuments {
    /** The {@code gptoss.exclude} defaults: files whose whole point is to hold secrets. */
    public static final List<String> DEFAULTS = List.of(".env*", "*.pem", "*.key", "**/secrets/**",
            "*.p12", "*.pfx", "id_rsa*", "id_ecdsa*", "id_ed25519*", ".netrc");

    private final Supplier<Path> root;
    private final List<Glob> globs = new ArrayList<>();

    public GlobExclusions(Supplier<Path> root, List<String> globs) {
        this.root = root;
        FileSystem fs = FileSystems.getDefault();
        for (String glob : globs) {
            boolean byName = !glob.contains("/");
            var matchers = new ArrayList<PathMatcher>();
            matchers.add(fs.getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                matchers.add(fs.getPathMatcher("glob:" + glob.substring(3)));
            }
            this.globs.add(new Glob(glob, byName, matchers));
        }
    }

    public static GlobExclusions defaults(Supplier<Path> root) {
        return new GlobExclusions(root, DEFAULTS);
    }

    @Override
    public Optional<String> whyExcluded(String uri) {
        Path path = pathOf(uri);
        if (path == null || path.getFileName() == null) {
            return Optional.empty();
        }
        Path workspace = root.get();
        Path relative = workspace != null && path.startsWith(workspace) ? workspace.relativize(path) : path;
        for (Glob glob : globs) {
            Path subject = glob.byName ? path.getFileName() : relative;
            for (PathMatcher matcher : glob.matchers) {
                if (matcher.matches(subject)) {
                    return Optional.of("excluded by gptoss.exclude \"" + glob.text + "\"");
                }
            }
        }
        return Optional.empty();
    }

    private static Path pathOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            if ("file".equals(parsed.getScheme())) {
                return Path.of(parsed);
            }
            String p = parsed.getPath();
            return p == null || p.isEmpty() ? null : Path.of(p);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private record Glob(String text, boolean byName, List<PathMatcher> matchers) {
    }
}
