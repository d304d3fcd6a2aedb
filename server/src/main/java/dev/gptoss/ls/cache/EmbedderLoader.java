package dev.gptoss.ls.cache;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Finds an {@link InstructionEmbedder} on first use: on the class path, or in
 * {@code gptoss-semantic.jar} beside the server's jar. Loading the model takes seconds and a
 * hundred megabytes, so it happens only when a semantic lookup is first needed.
 */
public final class EmbedderLoader implements Supplier<Optional<InstructionEmbedder>> {
    public static final String PLUGIN_JAR = "gptoss-semantic.jar";
    private static final Logger LOG = Logger.getLogger(EmbedderLoader.class.getName());

    private final Path pluginDirectory;
    private volatile Optional<InstructionEmbedder> loaded;

    public EmbedderLoader(Path pluginDirectory) {
        this.pluginDirectory = pluginDirectory;
    }

    /**
     * Looks beside the jar this class was loaded from, or, when the server is linked into its
     * runtime image ({@code gptoss-ls/lib/runtime}), in the image's {@code lib} folder.
     */
    public static EmbedderLoader besideServerJar() {
        try {
            var location = EmbedderLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            if ("jrt".equals(location.getScheme())) {
                return new EmbedderLoader(Path.of(System.getProperty("java.home")).getParent());
            }
            return new EmbedderLoader(Path.of(location).getParent());
        } catch (Exception e) {
            return new EmbedderLoader(null);
        }
    }

    @Override
    public Optional<InstructionEmbedder> get() {
        Optional<InstructionEmbedder> result = loaded;
        if (result == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                result = loaded;
            }
        }
        return result;
    }

    private Optional<InstructionEmbedder> load() {
        Optional<InstructionEmbedder> onClassPath = ServiceLoader.load(InstructionEmbedder.class).findFirst();
        if (onClassPath.isPresent() || pluginDirectory == null) {
            return onClassPath;
        }
        Path plugin = pluginDirectory.resolve(PLUGIN_JAR);
        if (!Files.isRegularFile(plugin)) {
            LOG.info(() -> "Semantic answer cache off: " + plugin + " is not installed");
            return Optional.empty();
        }
        try {
            var loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()}, EmbedderLoader.class.getClassLoader());
            return ServiceLoader.load(InstructionEmbedder.class, loader).findFirst();
        } catch (MalformedURLException | java.util.ServiceConfigurationError e) {
            LOG.warning("Semantic answer cache off: cannot load " + plugin + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
