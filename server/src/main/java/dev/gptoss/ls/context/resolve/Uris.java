package dev.gptoss.ls.context.resolve;

/** Paths of workspace files as the index keys them: {@code file:} URIs, '/'-separated. */
final class Uris {
    private Uris() {
    }

    /** The URI of the directory holding {@code uri}, ending with '/'. */
    static String directory(String uri) {
        return uri.substring(0, uri.lastIndexOf('/') + 1);
    }

    static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The file name without its extension(s) after the first dot: {@code a.spec.ts} gives {@code a}. */
    static String stem(String uri) {
        String name = fileName(uri);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * {@code relative} ({@code ../x/y.ts}) against the directory {@code directory} (ending with '/'),
     * normalized; null when it climbs above the root. Done on the string: {@code java.net.URI}
     * would rewrite {@code file:///} as {@code file:/}, which is not how the index keys files.
     */
    static String resolve(String directory, String relative) {
        int rootEnd = directory.startsWith("file:///") ? "file://".length() : directory.indexOf('/') + 1;
        var segments = new java.util.ArrayList<String>(java.util.List.of(directory.substring(rootEnd + 1).split("/")));
        segments.removeIf(String::isEmpty);
        String path = relative.replace('\\', '/').replace(" ", "%20");
        if (path.startsWith("/")) {
            segments.clear();
        }
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(part);
            }
        }
        String joined = directory.substring(0, rootEnd + 1) + String.join("/", segments);
        return path.endsWith("/") && !segments.isEmpty() ? joined + "/" : joined;
    }

    /** The directory {@code levels} above {@code directory} (which ends with '/'), or null above the root. */
    static String up(String directory, int levels) {
        String d = directory;
        for (int i = 0; i < levels; i++) {
            int slash = d.lastIndexOf('/', d.length() - 2);
            if (slash < "file:///".length() - 1) {
                return null;
            }
            d = d.substring(0, slash + 1);
        }
        return d;
    }

    /** How many leading path segments two URIs share: the larger, the nearer. */
    static int shared(String a, String b) {
        int segments = 0;
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n && a.charAt(i) == b.charAt(i); i++) {
            if (a.charAt(i) == '/') {
                segments++;
            }
        }
        return segments;
    }

    /** Segments between {@code a}'s directory and {@code b}'s: 0 in the same directory. */
    static int distance(String a, String b) {
        int common = shared(directory(a), directory(b));
        return depth(a) - common + depth(b) - common;
    }

    private static int depth(String uri) {
        int slashes = 0;
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes;
    }
}
