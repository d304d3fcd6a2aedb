package dev.gptoss.ls.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigState;
import dev.gptoss.ls.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds and applies the configuration a command-line run uses. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The explicit file, else the nearest {@code .gptoss.json} from {@code near} upwards. */
    static Optional<Path> locate(Path explicit, Path near) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        for (Path dir = near.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".gptoss.json");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static void apply(ConfigState state, ConfigReader reader, Optional<Path> file, JsonNode overrides)
            throws InvalidConfigException {
        JsonNode fromFile = file.isPresent() ? reader.readFile(file.get()) : null;
        state.update(layers -> layers.withWorkspaceFile(fromFile).withClientSettings(overrides));
    }
}
