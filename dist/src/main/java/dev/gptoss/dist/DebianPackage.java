package dev.gptoss.dist;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The runtime image as a Debian package, made with {@code dpkg-deb}: the image in
 * {@code /usr/lib/gptoss-ls}, and {@code /usr/bin/gptoss-ls} a link to its launcher. Skipped, with
 * a line in the build's log, where {@code dpkg-deb} is missing (a build on another Linux).
 */
final class DebianPackage {
    /** What the runtime's and tree-sitter's native libraries link against. */
    static final String DEPENDS = "libc6 (>= 2.34), libgcc-s1, libstdc++6, zlib1g";

    private final Path image;
    private final String version;
    private final Path staging;
    private final PrintStream log;

    DebianPackage(Path image, String version, Path staging, PrintStream log) {
        this.image = image;
        this.version = version;
        this.staging = staging;
        this.log = log;
    }

    /** Maven's {@code 0.1.0-SNAPSHOT} is Debian's {@code 0.1.0~SNAPSHOT}, which sorts before {@code 0.1.0}. */
    static String debianVersion(String mavenVersion) {
        return mavenVersion.replace('-', '~');
    }

    Optional<Path> build(Path out) throws IOException, InterruptedException {
        Optional<String> architecture = output("dpkg", "--print-architecture");
        if (architecture.isEmpty() || output("dpkg-deb", "--version").isEmpty()) {
            log.println("No Debian package: dpkg-deb is not installed here");
            return Optional.empty();
        }
        ImageBuilder.deleteTree(staging);
        Path lib = staging.resolve("usr/lib/gptoss-ls");
        copyTree(image, lib);
        Path bin = staging.resolve("usr/bin");
        Files.createDirectories(bin);
        Files.createSymbolicLink(bin.resolve("gptoss-ls"), Path.of("../lib/gptoss-ls/bin/gptoss-ls"));
        Path control = staging.resolve("DEBIAN/control");
        Files.createDirectories(control.getParent());
        Files.writeString(control, String.join("\n",
                "Package: gptoss-ls",
                "Version: " + debianVersion(version),
                "Architecture: " + architecture.get(),
                "Maintainer: gptoss-ls developers <gptoss-ls@localhost>",
                "Installed-Size: " + kibibytes(lib),
                "Depends: " + DEPENDS,
                "Section: devel",
                "Priority: optional",
                "Description: language server for local gpt-oss models",
                " Inline completions, completion items and code actions from gpt-oss-20b and",
                " gpt-oss-120b served by Ollama, vLLM or llama.cpp on your own hardware, for any",
                " LSP editor. Comes with the Java runtime it needs.",
                ""), StandardCharsets.UTF_8);
        Path deb = out.resolve("gptoss-ls_" + debianVersion(version) + "_" + architecture.get() + ".deb");
        Files.deleteIfExists(deb);
        var dpkg = new ProcessBuilder("dpkg-deb", "--root-owner-group", "--build", staging.toString(), deb.toString())
                .redirectErrorStream(true).start();
        String printed = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (dpkg.waitFor() != 0) {
            throw new IllegalStateException("dpkg-deb failed:\n" + printed);
        }
        return Optional.of(deb);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static long kibibytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / 1024;
        }
    }

    /** What a command printed, or empty if it is missing or failed. */
    private static Optional<String> output(String... command) throws InterruptedException {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(printed);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
