package dev.gptoss.ls.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The configuration in force and the layers it was merged from. A change that does not validate
 * is refused whole: the previous configuration stays, and the caller tells the user which field
 * was wrong.
 */
public final class ConfigState {
    private final ConfigReader reader;
    private final List<Consumer<GptossConfig>> listeners = new CopyOnWriteArrayList<>();
    private volatile ConfigLayers layers = ConfigLayers.empty();
    private volatile GptossConfig current = GptossConfig.defaults();

    public ConfigState(ConfigReader reader) {
        this.reader = reader;
    }

    public GptossConfig current() {
        return current;
    }

    /** The layers behind {@link #current()}: which one set what, and the workspace file's approval. */
    public ConfigLayers layers() {
        return layers;
    }

    public void onChange(Consumer<GptossConfig> listener) {
        listeners.add(listener);
    }

    public GptossConfig update(UnaryOperator<ConfigLayers> change) throws InvalidConfigException {
        GptossConfig next;
        synchronized (this) {
            ConfigLayers nextLayers = change.apply(layers);
            JsonNode merged = nextLayers.merged();
            next = reader.read(merged);
            layers = nextLayers;
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        listeners.forEach(l -> l.accept(next));
        return next;
    }
}
