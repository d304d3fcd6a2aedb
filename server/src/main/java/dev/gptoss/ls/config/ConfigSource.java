package dev.gptoss.ls.config;

/**
 * Where a setting came from, lowest priority first. Each layer that has a field replaces the
 * layers below for that field only; a layer without it (or an empty one) leaves them in force.
 */
public enum ConfigSource {
    DEFAULTS("built-in defaults"),
    USER_FILE("the user configuration file"),
    WORKSPACE_FILE("the workspace's .gptoss.json"),
    EDITOR_STARTUP("the editor's initialization options"),
    EDITOR_SETTINGS("the editor's settings"),
    COMMAND_LINE("the command line");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** How a person reads it in the status and the log. */
    public String label() {
        return label;
    }
}
