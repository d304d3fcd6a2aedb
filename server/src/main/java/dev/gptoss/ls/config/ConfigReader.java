package dev.gptoss.ls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the {@code gptoss} object into a {@link GptossConfig}, naming the first bad field.
 * Sections that are absent take their defaults, so a user writes only what differs.
 */
public final class ConfigReader {
    private static final String ROOT = "gptoss";
    private final Supplier<ObjectMapper> json;

    public ConfigReader(ObjectMapper json) {
        this(() -> json);
    }

    /** For a mapper still being built: only reading a file needs it. */
    public ConfigReader(Supplier<ObjectMapper> json) {
        this.json = json;
    }

    /** The object under {@code gptoss} if the node wraps one, else the node itself. */
    public static JsonNode unwrap(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NullNode.getInstance();
        }
        JsonNode inner = node.get(ROOT);
        return inner != null ? inner : node;
    }

    public JsonNode readFile(Path file) throws InvalidConfigException {
        try {
            return unwrap(json.get().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new InvalidConfigException(file.toString(), "cannot be read as JSON (" + e.getMessage() + ")");
        }
    }

    public GptossConfig read(JsonNode gptoss) throws InvalidConfigException {
        GptossConfig defaults = GptossConfig.defaults();
        if (gptoss == null || gptoss.isNull() || gptoss.isMissingNode()) {
            return defaults;
        }
        requireObject(gptoss, ROOT);
        List<EndpointConfig> endpoints = gptoss.has("endpoints")
                ? readEndpoints(gptoss.get("endpoints"))
                : defaults.endpoints();
        Map<Tier, List<TierInstance>> tiers = gptoss.has("tiers")
                ? readTiers(gptoss.get("tiers"), endpoints)
                : defaultTiers(defaults, endpoints);
        return new GptossConfig(endpoints, tiers,
                readCompletion(gptoss.path("completion")),
                readHealth(gptoss.path("health")),
                readRouting(gptoss.path("routing")),
                readContext(gptoss.path("context"), gptoss.path("exclude")),
                readGuard(gptoss.path("guard")));
    }

    private List<EndpointConfig> readEndpoints(JsonNode node) throws InvalidConfigException {
        String field = ROOT + ".endpoints";
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidConfigException(field, "must be a non-empty list of endpoints");
        }
        var names = new HashSet<String>();
        var endpoints = new ArrayList<EndpointConfig>();
        for (int i = 0; i < node.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode e = node.get(i);
            requireObject(e, at);
            String name = requireText(e, "name", at);
            if (!names.add(name)) {
                throw new InvalidConfigException(at + ".name", "\"" + name + "\" is used by two endpoints");
            }
            endpoints.add(new EndpointConfig(name,
                    readUrl(e, at + ".url"),
                    readEnum(e, "api", at, ApiKind.class, ApiKind.OLLAMA),
                    optionalText(e, "apiKeyEnv", at),
                    readEnum(e, "promptMode", at, PromptMode.class, PromptMode.AUTO)));
        }
        return endpoints;
    }

    private Map<Tier, List<TierInstance>> readTiers(JsonNode node, List<EndpointConfig> endpoints)
            throws InvalidConfigException {
        String field = ROOT + ".tiers";
        requireObject(node, field);
        var tiers = new EnumMap<Tier, List<TierInstance>>(Tier.class);
        var names = endpoints.stream().map(EndpointConfig::name).toList();
        for (var it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            String at = field + "." + entry.getKey();
            Tier tier = parseEnum(Tier.class, entry.getKey(), at);
            JsonNode list = entry.getValue();
            if (!list.isArray()) {
                throw new InvalidConfigException(at, "must be a list of {\"endpoint\", \"model\"}");
            }
            var instances = new ArrayList<TierInstance>();
            for (int i = 0; i < list.size(); i++) {
                String instanceAt = at + "[" + i + "]";
                requireObject(list.get(i), instanceAt);
                String endpoint = requireText(list.get(i), "endpoint", instanceAt);
                if (!names.contains(endpoint)) {
                    throw new InvalidConfigException(instanceAt + ".endpoint",
                            "no endpoint is named \"" + endpoint + "\" (known: " + String.join(", ", names) + ")");
                }
                instances.add(new TierInstance(endpoint, requireText(list.get(i), "model", instanceAt)));
            }
            tiers.put(tier, instances);
        }
        if (tiers.getOrDefault(Tier.FAST, List.of()).isEmpty() && tiers.getOrDefault(Tier.STRONG, List.of()).isEmpty()) {
            throw new InvalidConfigException(field, "needs at least one model in \"fast\" or \"strong\"");
        }
        return tiers;
    }

    /** Endpoints given without tiers: serve the default models from the first endpoint. */
    private static Map<Tier, List<TierInstance>> defaultTiers(GptossConfig defaults, List<EndpointConfig> endpoints) {
        String first = endpoints.get(0).name();
        var tiers = new EnumMap<Tier, List<TierInstance>>(Tier.class);
        defaults.tiers().forEach((tier, instances) -> tiers.put(tier,
                instances.stream().map(i -> new TierInstance(first, i.model())).toList()));
        return tiers;
    }

    private CompletionSettings readCompletion(JsonNode node) throws InvalidConfigException {
        String at = ROOT + ".completion";
        CompletionSettings d = CompletionSettings.DEFAULT;
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        requireObject(node, at);
        return new CompletionSettings(
                readInt(node, "maxTokens", at, d.maxTokens(), 1, 4096),
                readInt(node, "timeoutMs", at, d.timeoutMs(), 50, 600_000),
                readInt(node, "reasoningTokens", at, d.reasoningTokens(), 0, 32_768),
                readDouble(node, "temperature", at, d.temperature(), 0, 2));
    }

    private HealthSettings readHealth(JsonNode node) throws InvalidConfigException {
        String at = ROOT + ".health";
        HealthSettings d = HealthSettings.DEFAULT;
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        requireObject(node, at);
        return new HealthSettings(
                readInt(node, "intervalMs", at, d.intervalMs(), 100, 3_600_000),
                readInt(node, "timeoutMs", at, d.timeoutMs(), 50, 60_000));
    }

    private RoutingSettings readRouting(JsonNode node) throws InvalidConfigException {
        String at = ROOT + ".routing";
        RoutingSettings d = RoutingSettings.DEFAULT;
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        requireObject(node, at);
        int fastMax = readInt(node, "fastMaxScore", at, d.fastMaxScore(), 0, 100);
        int strongMin = readInt(node, "strongMinScore", at, d.strongMinScore(), 0, 100);
        if (strongMin < fastMax) {
            throw new InvalidConfigException(at + ".strongMinScore", "must not be below fastMaxScore (" + fastMax + ")");
        }
        return new RoutingSettings(fastMax, strongMin,
                readInt(node, "maxConcurrent", at, d.maxConcurrent(), 1, 256),
                readInt(node, "latencyDecayMs", at, d.latencyDecayMs(), 100, 3_600_000),
                readInt(node, "slowMs", at, d.slowMs(), 1, 600_000),
                readBreaker(node.path("breaker"), at + ".breaker"));
    }

    private RoutingSettings.BreakerSettings readBreaker(JsonNode node, String at) throws InvalidConfigException {
        var d = RoutingSettings.BreakerSettings.DEFAULT;
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        requireObject(node, at);
        return new RoutingSettings.BreakerSettings(
                readInt(node, "failureRatePercent", at, d.failureRatePercent(), 1, 100),
                readInt(node, "minimumRequests", at, d.minimumRequests(), 1, 10_000),
                readInt(node, "windowMs", at, d.windowMs(), 100, 3_600_000),
                readInt(node, "openMs", at, d.openMs(), 10, 3_600_000),
                readInt(node, "halfOpenSuccesses", at, d.halfOpenSuccesses(), 1, 100));
    }

    private ContextSettings readContext(JsonNode node, JsonNode exclude) throws InvalidConfigException {
        String at = ROOT + ".context";
        ContextSettings d = ContextSettings.DEFAULT;
        int budget = d.budgetTokens();
        if (!node.isMissingNode() && !node.isNull()) {
            requireObject(node, at);
            budget = readInt(node, "budgetTokens", at, d.budgetTokens(), 256, 131_072);
        }
        List<String> globs = d.exclude();
        if (!exclude.isMissingNode() && !exclude.isNull()) {
            if (!exclude.isArray()) {
                throw new InvalidConfigException(ROOT + ".exclude", "must be a list of glob patterns");
            }
            // What a user excludes adds to the built-in list of secret files; it never replaces it.
            var list = new ArrayList<>(d.exclude());
            for (int i = 0; i < exclude.size(); i++) {
                if (!exclude.get(i).isTextual() || exclude.get(i).asText().isBlank()) {
                    throw new InvalidConfigException(ROOT + ".exclude[" + i + "]", "must be a non-empty glob pattern");
                }
                if (!list.contains(exclude.get(i).asText())) {
                    list.add(exclude.get(i).asText());
                }
            }
            globs = list;
        }
        return new ContextSettings(budget, globs);
    }

    private GuardSettings readGuard(JsonNode node) throws InvalidConfigException {
        String at = ROOT + ".guard";
        GuardSettings d = GuardSettings.DEFAULT;
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        requireObject(node, at);
        return new GuardSettings(
                readBoolean(node, "redact", at, d.redact()),
                readCustomPatterns(node.get("customPatterns"), at + ".customPatterns"),
                readInt(node, "maxDocumentBytes", at, d.maxDocumentBytes(), 1024, 256 * 1024 * 1024),
                readInt(node, "maxLineLength", at, d.maxLineLength(), 80, 10_000_000),
                readBoolean(node, "trace", at, d.trace()));
    }

    private static List<GuardSettings.CustomPattern> readCustomPatterns(JsonNode node, String field)
            throws InvalidConfigException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidConfigException(field, "must be a list of {\"name\", \"regex\"}");
        }
        var patterns = new ArrayList<GuardSettings.CustomPattern>();
        for (int i = 0; i < node.size(); i++) {
            String at = field + "[" + i + "]";
            requireObject(node.get(i), at);
            String name = requireText(node.get(i), "name", at);
            if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
                throw new InvalidConfigException(at + ".name", "must be 1 to 40 letters, digits, '-', '_' or '.'");
            }
            String regex = requireText(node.get(i), "regex", at);
            try {
                java.util.regex.Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new InvalidConfigException(at + ".regex", "is not a valid regular expression: "
                        + e.getDescription());
            }
            patterns.add(new GuardSettings.CustomPattern(name, regex));
        }
        return patterns;
    }

    private static boolean readBoolean(JsonNode node, String key, String at, boolean fallback)
            throws InvalidConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new InvalidConfigException(at + "." + key, "must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    private static URI readUrl(JsonNode e, String at) throws InvalidConfigException {
        JsonNode v = e.get("url");
        if (v == null || !v.isTextual()) {
            throw new InvalidConfigException(at, "is required, e.g. \"http://127.0.0.1:11434\"");
        }
        try {
            URI uri = new URI(v.asText().replaceAll("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidConfigException(at, "must be an http:// or https:// address, got \"" + v.asText() + "\"");
            }
            return uri;
        } catch (URISyntaxException ex) {
            throw new InvalidConfigException(at, "is not a valid URL: " + ex.getMessage());
        }
    }

    private static int readInt(JsonNode node, String key, String at, int fallback, int min, int max)
            throws InvalidConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new InvalidConfigException(at + "." + key, "must be a whole number from " + min + " to " + max
                    + ", got " + v);
        }
        return v.asInt();
    }

    private static double readDouble(JsonNode node, String key, String at, double fallback, double min, double max)
            throws InvalidConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            throw new InvalidConfigException(at + "." + key, "must be a number from " + min + " to " + max + ", got " + v);
        }
        return v.asDouble();
    }

    private static <E extends Enum<E>> E readEnum(JsonNode node, String key, String at, Class<E> type, E fallback)
            throws InvalidConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return parseEnum(type, v.asText(), at + "." + key);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String at) throws InvalidConfigException {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text.toUpperCase(Locale.ROOT))) {
                return value;
            }
        }
        var allowed = new ArrayList<String>();
        for (E value : type.getEnumConstants()) {
            allowed.add("\"" + value.name().toLowerCase(Locale.ROOT) + "\"");
        }
        throw new InvalidConfigException(at, "must be one of " + String.join(", ", allowed) + ", got \"" + text + "\"");
    }

    private static void requireObject(JsonNode node, String at) throws InvalidConfigException {
        if (node == null || !node.isObject()) {
            throw new InvalidConfigException(at, "must be an object");
        }
    }

    private static String requireText(JsonNode node, String key, String at) throws InvalidConfigException {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidConfigException(at + "." + key, "is required and must be a non-empty string");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String key, String at) throws InvalidConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidConfigException(at + "." + key, "must be a string");
        }
        return v.asText();
    }
}
