package dev.gptoss.ls.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.config.ConfigLayers;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigSource;
import dev.gptoss.ls.config.ConfigUpdates;
import dev.gptoss.ls.config.InvalidConfigException;
import dev.gptoss.ls.config.WorkspaceConfigFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration a command-line run uses: the user's file; then either the file given with
 * {@code --config} (the user named it, so all of it is used) or the nearest {@code .gptoss.json}
 * from the working place upwards (a workspace file: its endpoints only if approved); then the
 * command's own options.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The nearest {@code .gptoss.json} from {@code near} upwards. */
    static Optional<Path> nearestWorkspaceFile(Path near) {
        for (Path dir = near.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(WorkspaceConfigFile.NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Applies the layers; returns the problems found (each names the file and the field), after
     * printing to {@code err} what an unapproved workspace file was not allowed to set.
     */
    static List<String> apply(ServerParts parts, Path explicit, Path near, JsonNode overrides, PrintStream err) {
        var problems = new ArrayList<String>();
        var updates = new ConfigUpdates(parts.config(), parts.userConfig(), parts::json, problems::add);
        JsonNode commandLine = overrides;
        Path workspaceDirectory = null;
        if (explicit != null) {
            try {
                commandLine = ConfigLayers.overlay(new ConfigReader(parts.json()).readFile(explicit), overrides);
            } catch (InvalidConfigException e) {
                problems.add(e.getMessage());
                return problems;
            }
        } else {
            workspaceDirectory = nearestWorkspaceFile(near).map(f -> f.toAbsolutePath().getParent()).orElse(null);
        }
        JsonNode layer = commandLine;
        updates.reloadFiles(workspaceDirectory, layers -> layers.with(ConfigSource.COMMAND_LINE, layer));
        parts.config().layers().workspaceFile().flatMap(WorkspaceConfigFile::withheldNote)
                .ifPresent(note -> err.println("gptoss-ls: " + note));
        return problems;
    }
}
