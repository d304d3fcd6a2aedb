package dev.gptoss.ls.context.resolve;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project files that say where modules live: the nearest {@code tsconfig.json} (its
 * {@code baseUrl} and {@code paths}, following {@code extends}) and {@code go.mod} (the module
 * path). Each directory is looked at once a minute at most; a file that cannot be read counts as
 * absent.
 */
public final class ProjectFiles {
    private static final Logger LOG = Logger.getLogger(ProjectFiles.class.getName());
    private static final int MAX_LEVELS = 12;
    private static final long MAX_BYTES = 256 * 1024;
    private static final Pattern GO_MODULE = Pattern.compile("(?m)^module\\s+(\\S+)");

    /**
     * The lenient mapper for {@code tsconfig.json}, made when the first one is read: building it at
     * start-up took 100-150 ms of the server's {@code initialize} on a cold JVM, for projects with
     * no TypeScript as well.
     */
    private static final class TsConfigJson {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                        JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .build();
    }

    /** A {@code tsconfig.json}'s module mapping; directories are URIs ending with '/'. */
    record TsConfig(String baseUrl, Map<String, List<String>> paths) {
    }

    /** A Go module: its path and the directory of its {@code go.mod}. */
    record GoModule(String path, String directory) {
    }

    private final Cache<String, Optional<Object>> byDirectory = Caffeine.newBuilder()
            .maximumSize(4096).expireAfterWrite(1, TimeUnit.MINUTES).build();

    /** The {@code tsconfig.json} nearest above {@code fileUri}, if any. */
    Optional<TsConfig> tsConfig(String fileUri) {
        return nearest(fileUri, "tsconfig.json").map(o -> (TsConfig) o);
    }

    Optional<GoModule> goModule(String fileUri) {
        return nearest(fileUri, "go.mod").map(o -> (GoModule) o);
    }

    private Optional<Object> nearest(String fileUri, String name) {
        String directory = Uris.directory(fileUri);
        for (int i = 0; i < MAX_LEVELS && directory != null; i++) {
            String dir = directory;
            Optional<Object> here = byDirectory.get(name + "\u0000" + dir, k -> read(dir, name));
            if (here.isPresent()) {
                return here;
            }
            directory = Uris.up(directory, 1);
        }
        return Optional.empty();
    }

    private static Optional<Object> read(String directory, String name) {
        try {
            Path file = Path.of(URI.create(directory + name));
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return name.equals("go.mod") ? goMod(file, directory) : tsConfig(file, 0).map(o -> (Object) o);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Cannot read " + directory + name + ": " + e);
            return Optional.empty();
        }
    }

    private static Optional<Object> goMod(Path file, String directory) throws IOException {
        Matcher m = GO_MODULE.matcher(Files.readString(file));
        return m.find() ? Optional.of(new GoModule(m.group(1), directory)) : Optional.empty();
    }

    private static Optional<TsConfig> tsConfig(Path file, int depth) throws IOException {
        JsonNode root = TsConfigJson.MAPPER.readTree(file.toFile());
        JsonNode options = root.path("compilerOptions");
        String directory = file.getParent().toUri().toString();
        String baseUrl = options.hasNonNull("baseUrl") ? Uris.resolve(directory, slash(options.get("baseUrl").asText())) : null;
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (var it = options.path("paths").fields(); it.hasNext(); ) {
            var entry = it.next();
            var targets = new ArrayList<String>();
            entry.getValue().forEach(t -> targets.add(t.asText()));
            paths.put(entry.getKey(), targets);
        }
        if (!paths.isEmpty() && baseUrl == null) {
            baseUrl = directory; // TypeScript 4.1+: paths are relative to the tsconfig without a baseUrl
        }
        JsonNode extended = root.path("extends");
        if ((baseUrl == null || paths.isEmpty()) && extended.isTextual() && extended.asText().startsWith(".")
                && depth < 3) {
            String parent = extended.asText().endsWith(".json") ? extended.asText() : extended.asText() + ".json";
            Path parentFile = file.getParent().resolve(parent).normalize();
            if (Files.isRegularFile(parentFile)) {
                Optional<TsConfig> inherited = tsConfig(parentFile, depth + 1);
                if (inherited.isPresent()) {
                    baseUrl = baseUrl != null ? baseUrl : inherited.get().baseUrl();
                    if (paths.isEmpty()) {
                        paths = inherited.get().paths();
                    }
                }
            }
        }
        return Optional.of(new TsConfig(baseUrl, paths));
    }

    private static String slash(String directory) {
        return directory.endsWith("/") ? directory : directory + "/";
    }
}
