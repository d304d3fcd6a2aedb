package dev.gptoss.ls.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.gptoss.ls.config.ConfigLayers;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.ConfigState;
import dev.gptoss.ls.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;

/**
 * Applies configuration from the editor and the workspace's {@code .gptoss.json}. A bad value is
 * named in a message to the user and the configuration in force stays.
 */
final class SettingsUpdates {
    static final String WORKSPACE_FILE = ".gptoss.json";
    private static final Logger LOG = Logger.getLogger(SettingsUpdates.class.getName());

    private final ConfigState config;
    private final ConfigReader reader;
    private final Supplier<ObjectMapper> json;
    private volatile GptossClient client;

    SettingsUpdates(ConfigState config, Supplier<ObjectMapper> json) {
        this.config = config;
        this.json = json;
        this.reader = new ConfigReader(json);
    }

    void connect(GptossClient client) {
        this.client = client;
    }

    /** Settings as LSP4J hands them over (Gson trees, maps, or null). */
    void fromClient(Object settings) {
        JsonNode node = ConfigReader.unwrap(toJackson(settings));
        apply(layers -> layers.withClientSettings(node), "the editor's settings");
    }

    void fromWorkspace(Path root) {
        if (root == null) {
            return;
        }
        Path file = root.resolve(WORKSPACE_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode node = reader.readFile(file);
            apply(layers -> layers.withWorkspaceFile(node), file.toString());
        } catch (InvalidConfigException e) {
            report(e, file.toString());
        }
    }

    private void apply(UnaryOperator<ConfigLayers> change, String source) {
        try {
            config.update(change);
        } catch (InvalidConfigException e) {
            report(e, source);
        }
    }

    private void report(InvalidConfigException e, String source) {
        String message = "gpt-oss: invalid configuration in " + source + ": " + e.getMessage()
                + ". The previous configuration stays in force.";
        LOG.warning(message);
        GptossClient target = client;
        if (target != null) {
            target.showMessage(new MessageParams(MessageType.Error, message));
        }
    }

    private JsonNode toJackson(Object settings) {
        if (settings == null) {
            return NullNode.getInstance();
        }
        try {
            return json.get().readTree(settings.toString());
        } catch (IOException e) {
            return json.get().valueToTree(settings);
        }
    }
}
