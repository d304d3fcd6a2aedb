package dev.gptoss.ls.actions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LUKHAS patterns in force: the server's built-in catalog, with a workspace's
 * {@code .lukhas/patterns.json} adding patterns and replacing built-in ones by id. Immutable; a
 * reload builds a new one.
 */
public final class PatternCatalog {
    public static final String BUILT_IN = "built-in";

    /** One catalog entry as JSON spells it; {@code languages} maps a language id to its rules. */
    @JsonIgnoreProperties({"description"})
    public record Entry(String id, String message, String severity, String instruction, String href,
                        Boolean enabled, Map<String, List<MatcherRule>> languages) {
    }

    /** A catalog and whatever in it could not be used. */
    public record Loaded(PatternCatalog catalog, List<CatalogProblem> problems) {
    }

    private record Rule(LukhasPattern pattern, PatternMatcher matcher) {
    }

    private final Map<String, LukhasPattern> byId;
    private final Map<String, List<Rule>> byLanguage;

    private PatternCatalog(Map<String, LukhasPattern> byId, Map<String, List<Rule>> byLanguage) {
        this.byId = byId;
        this.byLanguage = byLanguage;
    }

    public static PatternCatalog empty() {
        return new PatternCatalog(Map.of(), Map.of());
    }

    /**
     * @param workspace the workspace file's name and text, when there is one
     * @param docsHref where built-in patterns are described ({@code #id-with-dashes} is appended), if known
     */
    public static Loaded load(ObjectMapper json, MatcherFactory matchers, String builtIn,
                              Optional<Map.Entry<String, String>> workspace, Optional<String> docsHref) {
        var problems = new ArrayList<CatalogProblem>();
        var loader = new Loader(json, matchers, problems);
        var compiled = new LinkedHashMap<String, Compiled>();
        loader.read(BUILT_IN, builtIn, docsHref).forEach(c -> compiled.put(c.pattern.id(), c));
        workspace.ifPresent(file -> loader.read(file.getKey(), file.getValue(), Optional.empty()).forEach(c -> {
            if (c.enabled) {
                compiled.put(c.pattern.id(), c);
            } else {
                compiled.remove(c.pattern.id());
            }
        }));
        var byId = new LinkedHashMap<String, LukhasPattern>();
        var byLanguage = new HashMap<String, List<Rule>>();
        for (Compiled c : compiled.values()) {
            byId.put(c.pattern.id(), c.pattern);
            c.matchers.forEach((language, list) -> list.forEach(m ->
                    byLanguage.computeIfAbsent(language, l -> new ArrayList<>()).add(new Rule(c.pattern, m))));
        }
        byLanguage.replaceAll((language, rules) -> List.copyOf(rules));
        return new Loaded(new PatternCatalog(Map.copyOf(byId), Map.copyOf(byLanguage)), List.copyOf(problems));
    }

    public Optional<LukhasPattern> pattern(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<LukhasPattern> patterns() {
        return List.copyOf(byId.values());
    }

    /** Every match starting on lines {@code [fromLine, toLine]}, in document order. */
    public List<Finding> findings(DocumentSnapshot document, int fromLine, int toLine) {
        List<Rule> rules = byLanguage.getOrDefault(document.languageId(), List.of());
        if (rules.isEmpty()) {
            return List.of();
        }
        var found = new ArrayList<Finding>();
        var seen = new HashSet<List<Object>>();
        for (Rule rule : rules) {
            rule.matcher.find(document, fromLine, toLine, (range, fix) -> {
                if (seen.add(List.of(rule.pattern.id(), range))) {
                    found.add(new Finding(rule.pattern, range, fix));
                }
            });
        }
        found.sort(Comparator.comparingInt((Finding f) -> f.range().start().line())
                .thenComparingInt(f -> f.range().start().character()));
        return found;
    }

    public List<Finding> findings(DocumentSnapshot document) {
        return findings(document, 0, document.lineCount() - 1);
    }

    private record Compiled(LukhasPattern pattern, Map<String, List<PatternMatcher>> matchers, boolean enabled) {
    }

    /** Reads one catalog file, entry by entry, so that one bad entry costs only itself. */
    private static final class Loader {
        private final ObjectMapper json;
        private final ObjectReader entries;
        private final MatcherFactory matchers;
        private final List<CatalogProblem> problems;

        Loader(ObjectMapper json, MatcherFactory matchers, List<CatalogProblem> problems) {
            this.json = json;
            this.entries = json.readerFor(Entry.class).with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            this.matchers = matchers;
            this.problems = problems;
        }

        List<Compiled> read(String source, String text, Optional<String> docsHref) {
            JsonNode root;
            try {
                root = json.readTree(text);
            } catch (JsonProcessingException e) {
                problems.add(new CatalogProblem(source, null, "not valid JSON: " + e.getOriginalMessage()));
                return List.of();
            }
            JsonNode list = root == null ? null : root.get("patterns");
            if (list == null || !list.isArray()) {
                problems.add(new CatalogProblem(source, null, "expected {\"patterns\": [...]}"));
                return List.of();
            }
            var compiled = new ArrayList<Compiled>();
            var ids = new HashSet<String>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                String id = node.path("id").asText("");
                String label = id.isBlank() ? "#" + (i + 1) + " (no id)" : id;
                try {
                    if (!ids.add(id)) {
                        throw new IllegalArgumentException("the id appears twice in this file");
                    }
                    compiled.add(compile(entries.readValue(node), docsHref));
                } catch (IllegalArgumentException e) {
                    problems.add(new CatalogProblem(source, label, e.getMessage()));
                } catch (java.io.IOException e) {
                    problems.add(new CatalogProblem(source, label, e.getMessage().lines().findFirst().orElse("")));
                }
            }
            return compiled;
        }

        private Compiled compile(Entry entry, Optional<String> docsHref) {
            if (entry.id() == null || entry.id().isBlank()) {
                throw new IllegalArgumentException("an entry needs an \"id\"");
            }
            boolean enabled = entry.enabled() == null || entry.enabled();
            if (enabled && (entry.message() == null || entry.message().isBlank())) {
                throw new IllegalArgumentException("an entry needs a \"message\"");
            }
            if (enabled && (entry.languages() == null || entry.languages().isEmpty())) {
                throw new IllegalArgumentException("an entry needs \"languages\" with at least one rule");
            }
            var compiled = new LinkedHashMap<String, List<PatternMatcher>>();
            if (enabled) {
                entry.languages().forEach((language, rules) -> {
                    var list = new ArrayList<PatternMatcher>();
                    for (int r = 0; r < rules.size(); r++) {
                        try {
                            list.add(matchers.compile(language, rules.get(r)));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(language + " rule " + (r + 1) + ": " + e.getMessage());
                        }
                    }
                    compiled.put(language, List.copyOf(list));
                });
            }
            Optional<String> href = Optional.ofNullable(entry.href())
                    .or(() -> docsHref.map(base -> base + "#" + entry.id().replace('/', '-')));
            var pattern = new LukhasPattern(entry.id(), entry.message(),
                    enabled ? Severity.parse(entry.severity()) : Severity.HINT,
                    Optional.ofNullable(entry.instruction()).filter(s -> !s.isBlank()), href);
            return new Compiled(pattern, compiled, enabled);
        }
    }
}
