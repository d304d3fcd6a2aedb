package dev.gptoss.dist;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The platform an image is made for: the one the build runs on (jlink links this JDK's own
 * runtime). Names as in the archive's name ({@code linux-x64}) and as tree-sitter's Java bindings
 * name their native libraries ({@code lib/x86_64-linux-gnu-tree-sitter-python.so}).
 */
record Platform(String name, String nativePrefix) {
    private static final Pattern TREE_SITTER_LIBRARY = Pattern.compile("lib/[^/]+-tree-sitter[^/]*\\.(so|dylib|dll)");

    static Platform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        if (!arm && !arch.equals("amd64") && !arch.equals("x86_64")) {
            throw new IllegalStateException("No runtime image for the " + arch + " architecture (tree-sitter has no native library for it)");
        }
        String cpu = arm ? "aarch64" : "x86_64";
        String bits = arm ? "arm64" : "x64";
        if (os.contains("linux")) {
            return new Platform("linux-" + bits, cpu + "-linux-gnu");
        }
        if (os.contains("mac")) {
            return new Platform("macos-" + bits, cpu + "-macos");
        }
        if (os.contains("windows")) {
            return new Platform("windows-" + bits, cpu + "-windows");
        }
        throw new IllegalStateException("No runtime image for " + os);
    }

    boolean isLinux() {
        return name.startsWith("linux-");
    }

    boolean isWindows() {
        return name.startsWith("windows-");
    }

    /** A tree-sitter native library of another platform, which this image leaves out. */
    boolean isOtherPlatformsNativeLibrary(String path) {
        return TREE_SITTER_LIBRARY.matcher(path).matches() && !path.startsWith("lib/" + nativePrefix + "-");
    }
}
