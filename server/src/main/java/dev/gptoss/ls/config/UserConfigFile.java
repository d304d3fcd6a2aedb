package dev.gptoss.ls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user's own configuration file, {@code $XDG_CONFIG_HOME/gptoss-ls/config.json} (by default
 * {@code ~/.config/gptoss-ls/config.json}): settings under {@code gptoss}, as everywhere, and the
 * workspace files the user approved, each with the SHA-256 of the content approved. Only the user
 * writes here, so it is the one place a workspace's endpoints can be allowed from.
 */
public final class UserConfigFile {
    static final String APPROVALS = "approvedWorkspaceFiles";
    private final Path file;
    private final Supplier<ObjectMapper> json;

    public UserConfigFile(Path file, Supplier<ObjectMapper> json) {
        this.file = file;
        this.json = json;
    }

    /** Where the XDG base directory rules put it for this environment. */
    public static Path locate(Map<String, String> environment) {
        return xdgDirectory(environment, "XDG_CONFIG_HOME", ".config").resolve("config.json");
    }

    /**
     * The user's cache directory for gptoss-ls (files the server may always recreate, such as
     * explanations): {@code $XDG_CACHE_HOME/gptoss-ls}, by default {@code ~/.cache/gptoss-ls}.
     */
    public static Path locateCacheDirectory(Map<String, String> environment) {
        return xdgDirectory(environment, "XDG_CACHE_HOME", ".cache");
    }

    /** gptoss-ls's folder under an XDG base directory: the variable's absolute path, else one under home. */
    private static Path xdgDirectory(Map<String, String> environment, String variable, String underHome) {
        String xdg = environment.get(variable);
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), underHome);
        return base.resolve("gptoss-ls");
    }

    public Path path() {
        return file;
    }

    /** The file's settings (the object under {@code gptoss}), or null when it has none or does not exist. */
    public JsonNode settings() throws InvalidConfigException {
        JsonNode settings = read().get("gptoss");
        return settings == null || settings.isNull() ? null : settings;
    }

    /** The SHA-256 the user approved for this workspace file, if any. */
    public Optional<String> approvedHash(Path workspaceFile) throws InvalidConfigException {
        JsonNode hash = read().path(APPROVALS).get(key(workspaceFile));
        return hash != null && hash.isTextual() ? Optional.of(hash.asText()) : Optional.empty();
    }

    /** Records that the user approved this content of the workspace file. */
    public void approve(Path workspaceFile, String sha256) throws IOException, InvalidConfigException {
        ObjectNode root = read().deepCopy();
        JsonNode approvals = root.get(APPROVALS);
        ObjectNode table = approvals instanceof ObjectNode existing ? existing : root.putObject(APPROVALS);
        table.put(key(workspaceFile), sha256);
        write(root);
    }

    /** Forgets an approval; false if there was none. */
    public boolean revoke(Path workspaceFile) throws IOException, InvalidConfigException {
        ObjectNode root = read().deepCopy();
        if (!(root.get(APPROVALS) instanceof ObjectNode table) || table.remove(key(workspaceFile)) == null) {
            return false;
        }
        write(root);
        return true;
    }

    /** When the file last changed (0 if it does not exist), to notice an approval made elsewhere. */
    public long lastModified() {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private ObjectNode read() throws InvalidConfigException {
        try {
            JsonNode root = json.get().readTree(Files.readString(file));
            if (root == null || root.isMissingNode()) {
                return json.get().createObjectNode();
            }
            if (!(root instanceof ObjectNode object)) {
                throw new InvalidConfigException(file.toString(), "must hold a JSON object");
            }
            return object;
        } catch (NoSuchFileException e) {
            return json.get().createObjectNode();
        } catch (IOException e) {
            throw new InvalidConfigException(file.toString(), "cannot be read as JSON (" + e.getMessage() + ")");
        }
    }

    private void write(ObjectNode root) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "config", ".json.tmp");
        try {
            Files.writeString(temp, json.get().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Approvals are per file, by its real path, so a symlinked checkout is the same file. */
    private static String key(Path workspaceFile) {
        try {
            return workspaceFile.toRealPath().toString();
        } catch (IOException e) {
            return workspaceFile.toAbsolutePath().normalize().toString();
        }
    }
}
