package dev.gptoss.ls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Puts layers into a {@link ConfigState}, reading the two files behind them (the user's and the
 * workspace's), for the language server and the command line alike. A layer with a bad value is
 * named to the user and its previous content stays (or, the first time, it is left out), so one
 * bad file never costs the settings of another.
 */
public final class ConfigUpdates {
    private final ConfigState state;
    private final UserConfigFile userFile;
    private final Supplier<ObjectMapper> json;
    private final Consumer<String> problems;

    /** @param problems hears one sentence per value or file that could not be used */
    public ConfigUpdates(ConfigState state, UserConfigFile userFile, Supplier<ObjectMapper> json,
                         Consumer<String> problems) {
        this.state = state;
        this.userFile = userFile;
        this.json = json;
        this.problems = problems;
    }

    public UserConfigFile userFile() {
        return userFile;
    }

    /** Sets one layer; an empty or absent one leaves the layers below in force. */
    public void set(ConfigSource source, JsonNode settings) {
        apply(layers -> layers.with(source, settings));
    }

    /**
     * Reads the user's file and {@code workspaceDirectory}'s {@code .gptoss.json} again (null: no
     * workspace file) and applies them with {@code others}, as one change.
     */
    public void reloadFiles(Path workspaceDirectory, UnaryOperator<ConfigLayers> others) {
        ConfigLayers previous = state.layers();
        JsonNode user = previous.layer(ConfigSource.USER_FILE).orElse(null);
        try {
            user = userFile.settings();
        } catch (InvalidConfigException e) {
            problems.accept(invalid(e, ConfigSource.USER_FILE, null));
        }
        Optional<WorkspaceConfigFile> workspace = previous.workspaceFile();
        try {
            workspace = workspaceDirectory == null ? Optional.empty()
                    : WorkspaceConfigFile.in(workspaceDirectory, userFile, json.get());
        } catch (InvalidConfigException e) {
            problems.accept(invalid(e, ConfigSource.WORKSPACE_FILE, null));
        }
        JsonNode userSettings = user;
        WorkspaceConfigFile workspaceFile = workspace.orElse(null);
        apply(layers -> others.apply(layers.with(ConfigSource.USER_FILE, userSettings).withWorkspaceFile(workspaceFile)));
    }

    /**
     * Applies the change; while it does not validate, the layer holding the bad value goes back to
     * what it was, and the user is told.
     */
    private void apply(UnaryOperator<ConfigLayers> change) {
        ConfigLayers previous = state.layers();
        var reverted = java.util.EnumSet.noneOf(ConfigSource.class);
        UnaryOperator<ConfigLayers> attempt = change;
        while (true) {
            try {
                state.update(attempt);
                return;
            } catch (InvalidConfigException e) {
                ConfigSource culprit = attempt.apply(previous).sourceOf(topField(e.field()));
                boolean canRevert = culprit != ConfigSource.DEFAULTS && reverted.add(culprit);
                problems.accept(invalid(e, culprit, attempt.apply(previous)) + " The previous configuration stays in force.");
                if (!canRevert) {
                    return;
                }
                UnaryOperator<ConfigLayers> failed = attempt;
                attempt = layers -> culprit == ConfigSource.WORKSPACE_FILE
                        ? failed.apply(layers).withWorkspaceFile(previous.workspaceFile().orElse(null))
                        : failed.apply(layers).with(culprit, previous.layer(culprit).orElse(null));
            }
        }
    }

    /** @param layers the layers that held the bad value, to name the file (null: the message names it) */
    private String invalid(InvalidConfigException e, ConfigSource source, ConfigLayers layers) {
        String where = layers == null ? "" : switch (source) {
            case USER_FILE -> " (" + userFile.path() + ")";
            case WORKSPACE_FILE -> layers.workspaceFile().map(f -> " (" + f.file() + ")").orElse("");
            default -> "";
        };
        return "invalid configuration in " + source.label() + where + ": " + e.getMessage() + ".";
    }

    /** {@code gptoss.endpoints[1].url} → {@code endpoints}. */
    static String topField(String field) {
        String path = field.startsWith("gptoss.") ? field.substring("gptoss.".length()) : field;
        int end = path.length();
        for (char stop : new char[] {'.', '['}) {
            int at = path.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return path.substring(0, end);
    }
}
