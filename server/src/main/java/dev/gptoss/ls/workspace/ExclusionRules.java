package dev.gptoss.ls.workspace;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files whose text must never reach a model: those the workspace's root {@code .gitignore}
 * ignores and those matched by {@code gptoss.exclude} globs (gitignore syntax: {@code *},
 * {@code **}, {@code ?}, a leading {@code /} anchors to the root, a pattern without {@code /}
 * matches a name at any depth, {@code !} re-includes). Files outside the root are not workspace
 * files and are refused too.
 */
public final class ExclusionRules {
    public static final List<String> DEFAULT_EXCLUDE = List.of(".env*", "*.pem", "*.key", "**/secrets/**");

    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {
    }

    private final Path root;
    private final List<Rule> rules;

    private ExclusionRules(Path root, List<Rule> rules) {
        this.root = root;
        this.rules = rules;
    }

    /** Rules of a workspace: its {@code .gitignore} first, then the configured globs, which win. */
    public static ExclusionRules of(Path root, List<String> excludeGlobs) {
        var rules = new ArrayList<Rule>();
        if (root != null) {
            Path gitignore = root.resolve(".gitignore");
            if (Files.isRegularFile(gitignore)) {
                try {
                    for (String line : Files.readAllLines(gitignore)) {
                        compile(line).ifPresent(rules::add);
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    // An unreadable .gitignore leaves the configured globs in force.
                }
            }
        }
        for (String glob : excludeGlobs) {
            compile(glob).ifPresent(rules::add);
        }
        return new ExclusionRules(root == null ? null : root.toAbsolutePath().normalize(), List.copyOf(rules));
    }

    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** Whether a document (by URI) may be shown to a model. Non-file URIs are judged by their path. */
    public boolean excludedUri(String uri) {
        try {
            URI parsed = URI.create(uri);
            if ("file".equals(parsed.getScheme())) {
                return excluded(Path.of(parsed));
            }
            return matches(parsed.getPath() == null ? uri : parsed.getPath().replaceFirst("^/", ""), false);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return matches(uri, false);
        }
    }

    /** Whether a file is excluded; a file outside the workspace root is judged by its name alone. */
    public boolean excluded(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String relative = root != null && absolute.startsWith(root)
                ? root.relativize(absolute).toString().replace('\\', '/')
                : absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        return matches(relative, Files.isDirectory(absolute));
    }

    private boolean matches(String relativePath, boolean directory) {
        boolean excluded = false;
        String[] parts = relativePath.split("/");
        for (Rule rule : rules) {
            // A pattern matches the path or any of its parent directories (a/b ignores a/b/c.py).
            var prefix = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    prefix.append('/');
                }
                prefix.append(parts[i]);
                boolean isDirectory = i < parts.length - 1 || directory;
                if ((!rule.directoryOnly() || isDirectory) && rule.pattern().matcher(prefix).matches()) {
                    excluded = !rule.negated();
                    break;
                }
            }
        }
        return excluded;
    }

    private static Optional<Rule> compile(String line) {
        String p = line.strip();
        if (p.isEmpty() || p.startsWith("#")) {
            return Optional.empty();
        }
        boolean negated = p.startsWith("!");
        if (negated) {
            p = p.substring(1);
        }
        boolean directoryOnly = p.endsWith("/");
        if (directoryOnly) {
            p = p.substring(0, p.length() - 1);
        }
        boolean anchored = p.startsWith("/") || p.contains("/") && !p.startsWith("**/");
        p = p.replaceFirst("^/", "");
        String regex = globToRegex(p);
        if (!anchored) {
            regex = "(?:.*/)?" + regex;
        }
        return Optional.of(new Rule(Pattern.compile(regex), negated, directoryOnly));
    }

    private static String globToRegex(String glob) {
        var out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                out.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
