package dev.gptoss.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Makes the server's runtime image from the shaded server jar, with the JDK that runs it:
 *
 * <ol>
 *   <li>the JDK modules the server needs: {@code jdeps} over the server's own classes, plus those
 *       it reaches only by service lookup or reflection ({@link #UNSEEN_MODULES});</li>
 *   <li>the shaded jar as one module, {@code dev.gptoss.ls}: the class files for this Java version
 *       (multi-release), tree-sitter's native libraries for this platform only, and a module
 *       declaration. The server's classes are then part of the runtime, so the class-data-sharing
 *       archive covers them and stays valid wherever the image is unpacked (an archive of classes
 *       from a jar names the jar's path);</li>
 *   <li>{@code jlink}, with the JVM options built in ({@code --add-options}), into
 *       {@code gptoss-ls/lib/runtime}, and the launcher {@code gptoss-ls/bin/gptoss-ls} (a runtime's
 *       own {@code bin/} would put a {@code java} on the user's {@code PATH});</li>
 *   <li>a training run that does what an editor does ({@link TrainingRun}), whose loaded classes
 *       become the runtime's default CDS archive ({@code -Xshare:dump});</li>
 *   <li>{@code gptoss-ls-PLATFORM.tar.gz} and, where {@code dpkg-deb} exists, a Debian package
 *       that installs the image in {@code /usr/lib/gptoss-ls} and {@code /usr/bin/gptoss-ls}.</li>
 * </ol>
 *
 * <pre>java -cp ... dev.gptoss.dist.ImageBuilder --server-jar server/target/gptoss-ls.jar
 *     --server-classes server/target/classes --version 0.1.0 --out dist/target</pre>
 */
public final class ImageBuilder {
    static final String MODULE = "dev.gptoss.ls";
    static final String MAIN_CLASS = "dev.gptoss.ls.Main";
    /**
     * The server waits on editors and model servers: one small collector, small stacks, the quick
     * compiler only (C2 cost 35-40 MiB of resident memory and raised the overhead per suggestion),
     * and a heap that starts at what is live (docs/protocol.md says why each).
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-Xms32m", "-Xmx256m");
    /** Modules the server uses that jdeps cannot see in its class files, and why. */
    static final Map<String, String> UNSEEN_MODULES = Map.of(
            "jdk.crypto.ec", "elliptic-curve key exchange for https:// model servers (a security provider)",
            "jdk.unsupported", "sun.misc.Unsafe, which Gson (LSP4J's JSON) looks up by reflection");
    /** Services the server's libraries look up (a module must declare them). */
    static final List<String> USES = List.of("dev.gptoss.ls.cache.InstructionEmbedder",
            "com.fasterxml.jackson.databind.Module", "java.nio.file.spi.FileSystemProvider");

    private final Path serverJar;
    private final Path serverClasses;
    private final String version;
    private final Path out;
    private final Path work;
    private final Platform platform = Platform.current();
    private final Path jdk = Path.of(System.getProperty("java.home"));
    private final PrintStream log = System.out;

    ImageBuilder(Path serverJar, Path serverClasses, String version, Path out) {
        this.serverJar = serverJar;
        this.serverClasses = serverClasses;
        this.version = version;
        this.out = out;
        this.work = out.resolve("image-build");
    }

    public static void main(String[] args) throws Exception {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        var builder = new ImageBuilder(Path.of(options.get("--server-jar")).toAbsolutePath(),
                Path.of(options.get("--server-classes")).toAbsolutePath(), options.getOrDefault("--version", "0.0.0"),
                Path.of(options.get("--out")).toAbsolutePath());
        builder.build();
    }

    void build() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path jmods = jdk.resolve("jmods");
        if (!Files.isDirectory(jmods)) {
            throw new IllegalStateException("The JDK at " + jdk + " has no jmods/ folder, which jlink needs to make"
                    + " the runtime image. On Debian or Ubuntu: apt-get install openjdk-17-jdk-headless; elsewhere a"
                    + " full JDK 17+ (or build with -DskipImage to skip the image).");
        }
        deleteTree(work);
        Files.createDirectories(work);
        Path image = out.resolve("gptoss-ls");
        deleteTree(image);
        log.printf("Runtime image for %s from the JDK %s (%s)%n", platform.name(), Runtime.version(), jdk);

        var modules = new TreeSet<>(jdkModules());
        modules.addAll(UNSEEN_MODULES.keySet());
        modules.remove("java.base");
        log.println("JDK modules: java.base, " + String.join(", ", modules));

        Path moduleFile = serverModule(modules);
        Path runtime = image.resolve("lib/runtime");
        run("jlink", "--module-path", jmods + java.io.File.pathSeparator + moduleFile,
                "--add-modules", MODULE + ",jdk.crypto.ec",
                "--output", runtime.toString(),
                "--no-header-files", "--no-man-pages",
                "--add-options=" + String.join(" ", JVM_OPTIONS));
        writeLauncher(image);

        Path classList = work.resolve("classes.list");
        new TrainingRun(java(runtime), work.resolve("training"), log).run(classList);
        dumpArchive(runtime, classList);

        log.println(describe(image));
        Path tarball = archive(image);
        log.println("Wrote " + tarball + " (" + Files.size(tarball) / (1 << 20) + " MiB)");
        if (platform.isLinux()) {
            new DebianPackage(image, version, work.resolve("deb"), log).build(out).ifPresent(deb -> {
                try {
                    log.println("Wrote " + deb + " (" + Files.size(deb) / (1 << 20) + " MiB)");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        log.printf("Runtime image done in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /** What jdeps finds the server's own classes need (its libraries' optional uses are left out). */
    private List<String> jdkModules() {
        String printed = run("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release",
                String.valueOf(Runtime.version().feature()), serverClasses.toString()).trim();
        return Arrays.stream(printed.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    }

    /** The shaded jar as the module {@link #MODULE}, in a jmod file. */
    private Path serverModule(TreeSet<String> requires) throws IOException {
        Path classes = work.resolve("module");
        int feature = Runtime.version().feature();
        try (var jar = new JarFile(serverJar.toFile())) {
            // per file, the base entry or the latest versioned one this runtime reads (multi-release)
            var chosen = new LinkedHashMap<String, java.util.jar.JarEntry>();
            var chosenRelease = new java.util.HashMap<String, Integer>();
            for (var entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || name.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")) {
                    continue;
                }
                String target = name;
                int release = 0;
                if (name.startsWith("META-INF/versions/")) {
                    String[] parts = name.split("/", 4);
                    release = parts.length == 4 ? Integer.parseInt(parts[2]) : Integer.MAX_VALUE;
                    if (release > feature) {
                        continue;
                    }
                    target = parts[3];
                }
                if (platform.isOtherPlatformsNativeLibrary(target)) {
                    continue;
                }
                if (chosenRelease.getOrDefault(target, -1) < release) {
                    chosen.put(target, entry);
                    chosenRelease.put(target, release);
                }
            }
            for (var file : chosen.entrySet()) {
                Path path = classes.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                try (InputStream in = jar.getInputStream(file.getValue())) {
                    Files.copy(in, path);
                }
            }
        }
        Path declaration = work.resolve("module-src/module-info.java");
        Files.createDirectories(declaration.getParent());
        Files.writeString(declaration, moduleDeclaration(requires));
        Path compiled = work.resolve("module-info");
        run("javac", "--release", String.valueOf(feature), "-d", compiled.toString(),
                "--patch-module", MODULE + "=" + classes, declaration.toString());
        Files.copy(compiled.resolve("module-info.class"), classes.resolve("module-info.class"));
        Path jmod = work.resolve(MODULE + ".jmod");
        run("jmod", "create", "--class-path", classes.toString(), "--main-class", MAIN_CLASS,
                "--module-version", version.replace("-SNAPSHOT", ""), jmod.toString());
        return jmod;
    }

    /**
     * An open module (its libraries reflect on their own classes and read their own resources),
     * exporting the package of its main class so that it is one of the runtime's root modules: the
     * launcher then starts it by class name, without {@code -m}, which would turn off CDS's
     * archived module graph.
     */
    static String moduleDeclaration(Iterable<String> requires) {
        var text = new StringBuilder("// Made by dev.gptoss.dist.ImageBuilder: the server and its libraries as one module.\n");
        text.append("open module ").append(MODULE).append(" {\n");
        text.append("    exports dev.gptoss.ls;\n");
        for (String module : requires) {
            text.append("    requires ").append(module).append(";\n");
        }
        for (String service : USES) {
            text.append("    uses ").append(service).append(";\n");
        }
        return text.append("}\n").toString();
    }

    private void writeLauncher(Path image) throws IOException {
        Path bin = image.resolve("bin");
        Files.createDirectories(bin);
        String name = platform.isWindows() ? "gptoss-ls.cmd" : "gptoss-ls";
        try (InputStream in = ImageBuilder.class.getResourceAsStream(name)) {
            Files.copy(in, bin.resolve(name));
        }
        if (!platform.isWindows()) {
            Files.setPosixFilePermissions(bin.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * The runtime's default CDS archive ({@code lib/server/classes.jsa}), of the classes the
     * training run loaded; made with the runtime's own JVM options, as it will run.
     */
    private void dumpArchive(Path runtime, Path classList) throws IOException, InterruptedException {
        Path dumpLog = work.resolve("cds-dump.log");
        var dump = new ProcessBuilder(java(runtime).toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList, "-Xlog:cds=info")
                .redirectErrorStream(true).redirectOutput(dumpLog.toFile()).start();
        if (!dump.waitFor(10, TimeUnit.MINUTES) || dump.exitValue() != 0) {
            throw new IllegalStateException("The CDS dump failed; see " + dumpLog);
        }
        Path archive = runtime.resolve("lib/server/classes.jsa");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("The CDS dump wrote no " + archive + "; see " + dumpLog);
        }
        long missed = Files.readAllLines(dumpLog).stream().filter(l -> l.contains("Preload Warning")).count();
        long listed = Files.readAllLines(classList).stream().filter(l -> !l.startsWith("#") && !l.startsWith("@")).count();
        log.printf("CDS archive: %d classes listed by the training run (%d not archivable), %d MiB%n", listed, missed,
                Files.size(archive) / (1 << 20));
    }

    private Path archive(Path image) throws IOException, InterruptedException {
        Path tarball = out.resolve("gptoss-ls-" + platform.name() + ".tar.gz");
        Files.deleteIfExists(tarball);
        var tar = new ProcessBuilder("tar", "-czf", tarball.toString(), "-C", image.getParent().toString(),
                image.getFileName().toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar failed making " + tarball);
        }
        return tarball;
    }

    private static String describe(Path image) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(image)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
        return "Image " + image + ": " + bytes / (1 << 20) + " MiB";
    }

    private Path java(Path runtime) {
        return runtime.resolve(platform.isWindows() ? "bin/java.exe" : "bin/java");
    }

    /** Runs a JDK tool in this JVM; returns what it printed, and fails with it if it fails. */
    private String run(String tool, String... args) {
        var output = new ByteArrayOutputStream();
        var printer = new PrintStream(output, true, StandardCharsets.UTF_8);
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException("This JDK has no " + tool + " (" + jdk + ")"));
        int status = provider.run(printer, printer, args);
        String printed = output.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IllegalStateException(tool + " " + String.join(" ", args) + " failed (" + status + "):\n" + printed);
        }
        return printed;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
