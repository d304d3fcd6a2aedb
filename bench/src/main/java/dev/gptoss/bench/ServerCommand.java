package dev.gptoss.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a benchmark starts gptoss-ls: {@code java OPTIONS -jar JAR} ({@code --server JAR}, options from
 * {@code --jvm-opts} or {@link BenchMain#DEFAULT_JVM_OPTS}), or the runtime image's launcher as an
 * editor runs it ({@code --launcher dist/target/gptoss-ls/bin/gptoss-ls}), whose JVM options are built
 * into its runtime: {@code --jvm-opts} then adds options through {@code JDK_JAVA_OPTIONS}.
 */
record ServerCommand(Path jar, Path launcher, List<String> jvmOptions) {

    static ServerCommand from(Map<String, String> options) {
        if (options.containsKey("--launcher")) {
            Path launcher = Path.of(options.get("--launcher")).toAbsolutePath();
            if (!Files.isExecutable(launcher)) {
                throw new IllegalArgumentException("no launcher at " + launcher
                        + " (build the runtime image: mvn -B -ntp package -DskipTests)");
            }
            String extra = options.getOrDefault("--jvm-opts", "").trim();
            return new ServerCommand(null, launcher, extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")));
        }
        Path jar = Path.of(options.getOrDefault("--server", "server/target/gptoss-ls.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no server jar at " + jar + " (build it: mvn -q -pl server package -DskipTests)");
        }
        return new ServerCommand(jar, null, BenchMain.jvmOptions(options));
    }

    boolean viaLauncher() {
        return launcher != null;
    }

    /** The same server with other JVM options (added to the launcher's own). */
    ServerCommand withJvmOptions(List<String> options) {
        return new ServerCommand(jar, launcher, List.copyOf(options));
    }

    List<String> command() {
        var command = new ArrayList<String>();
        if (viaLauncher()) {
            command.add(launcher.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
        }
        return command;
    }

    /** What the process's environment gets besides the driver's own. */
    Map<String, String> environment() {
        return viaLauncher() && !jvmOptions.isEmpty() ? Map.of("JDK_JAVA_OPTIONS", String.join(" ", jvmOptions)) : Map.of();
    }

    /** For reports: how the server ran. */
    String describe() {
        if (viaLauncher()) {
            return "`" + launcher.getFileName() + "`, the runtime image's launcher (" + launcher + ")"
                    + (jvmOptions.isEmpty() ? "" : " with JDK_JAVA_OPTIONS=\"" + String.join(" ", jvmOptions) + "\"");
        }
        return "`java " + String.join(" ", jvmOptions) + " -jar " + jar + "`";
    }
}
