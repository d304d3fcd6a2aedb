package dev.gptoss.ls.actions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.syntax.DocumentTrees;
import dev.gptoss.ls.syntax.QueryError;
import dev.gptoss.ls.syntax.SyntaxTree;
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
 * reload builds a new one. A workspace entry that does not compile keeps its previous version in
 * force, and the problem is shown on the catalog file itself.
 */
public final class PatternCatalog {
    public static final String BUILT_IN = "built-in";
    /** The code of the diagnostics that report problems in a catalog file. */
    public static final String CATALOG_PROBLEM = "lukhas/catalog";

    /** One catalog entry as JSON spells it; {@code languages} maps a language id to its rules. */
    @JsonIgnoreProperties({"description"})
    public record Entry(String id, String message, String severity, String instruction, String href,
                        Boolean enabled, Map<String, List<MatcherRule>> languages) {
    }

    /** A catalog and whatever in it could not be used. */
    public record Loaded(PatternCatalog catalog, List<CatalogProblem> problems) {
    }

    /** The workspace's catalog file: where it is (a URI) and its text. */
    public record WorkspaceFile(String uri, String text) {
    }

    private record Rule(LukhasPattern pattern, PatternMatcher matcher) {
    }

    /** A compiled entry and the file it came from. */
    private record Compiled(LukhasPattern pattern, Map<String, List<PatternMatcher>> matchers, boolean enabled,
                            String source) {
    }

    private final Map<String, Compiled> compiled;
    private final Map<String, List<Rule>> byLanguage;
    private final DocumentTrees trees;
    private final Optional<String> workspaceUri;
    private final List<CatalogProblem> problems;
    private final StatementFindings statements = new StatementFindings();

    private PatternCatalog(Map<String, Compiled> compiled, DocumentTrees trees, Optional<String> workspaceUri,
                           List<CatalogProblem> problems) {
        this.compiled = compiled;
        this.trees = trees;
        this.workspaceUri = workspaceUri;
        this.problems = problems;
        var rules = new HashMap<String, List<Rule>>();
        for (Compiled c : compiled.values()) {
            c.matchers.forEach((language, list) -> list.forEach(m ->
                    rules.computeIfAbsent(language, l -> new ArrayList<>()).add(new Rule(c.pattern, m))));
        }
        rules.replaceAll((language, list) -> List.copyOf(list));
        this.byLanguage = Map.copyOf(rules);
    }

    public static PatternCatalog empty(DocumentTrees trees) {
        return new PatternCatalog(Map.of(), trees, Optional.empty(), List.of());
    }

    /**
     * @param workspace the workspace's catalog file, when there is one
     * @param docsHref where built-in patterns are described ({@code #id-with-dashes} is appended), if known
     * @param previous the catalog this one replaces: its workspace entries stay where their new text fails
     */
    public static Loaded load(ObjectMapper json, MatcherFactory matchers, DocumentTrees trees, String builtIn,
                              Optional<WorkspaceFile> workspace, Optional<String> docsHref,
                              Optional<PatternCatalog> previous) {
        var problems = new ArrayList<CatalogProblem>();
        var loader = new Loader(json, matchers, problems);
        var all = new LinkedHashMap<String, Compiled>();
        loader.read(BUILT_IN, builtIn, docsHref, Map.of()).forEach(c -> all.put(c.pattern.id(), c));
        if (workspace.isPresent()) {
            String uri = workspace.get().uri();
            Map<String, Compiled> kept = new LinkedHashMap<>();
            previous.ifPresent(p -> p.compiled.values().stream().filter(c -> c.source.equals(uri))
                    .forEach(c -> kept.put(c.pattern.id(), c)));
            for (Compiled c : loader.read(uri, workspace.get().text(), Optional.empty(), kept)) {
                if (c.enabled) {
                    all.put(c.pattern.id(), c);
                } else {
                    all.remove(c.pattern.id());
                }
            }
        }
        List<CatalogProblem> found = List.copyOf(problems);
        return new Loaded(new PatternCatalog(all, trees, workspace.map(WorkspaceFile::uri), found), found);
    }

    public Optional<LukhasPattern> pattern(String id) {
        return Optional.ofNullable(compiled.get(id)).filter(c -> c.enabled).map(Compiled::pattern);
    }

    public List<LukhasPattern> patterns() {
        return compiled.values().stream().filter(c -> c.enabled).map(Compiled::pattern).toList();
    }

    /**
     * Every match starting on lines {@code [fromLine, toLine]}, in document order. With a syntax
     * tree, the rules run on the top-level statements that changed since the document's last scan.
     */
    public List<Finding> findings(DocumentSnapshot document, int fromLine, int toLine) {
        List<Rule> rules = byLanguage.getOrDefault(document.languageId(), List.of());
        if (rules.isEmpty()) {
            return List.of();
        }
        Optional<SyntaxTree> tree = trees.treeOf(document);
        List<Finding> all;
        try {
            all = tree.isPresent()
                    ? statements.findings(document, tree.get(), scan -> run(rules, scan))
                    : run(rules, RuleScan.whole(document, tree, 0, Integer.MAX_VALUE));
        } finally {
            tree.ifPresent(SyntaxTree::close);
        }
        var found = new ArrayList<Finding>();
        for (Finding f : all) {
            int line = f.range().start().line();
            if (line >= fromLine && line <= toLine) {
                found.add(f);
            }
        }
        found.sort(Comparator.comparingInt((Finding f) -> f.range().start().line())
                .thenComparingInt(f -> f.range().start().character()));
        return found;
    }

    private static List<Finding> run(List<Rule> rules, RuleScan scan) {
        var found = new ArrayList<Finding>();
        var seen = new HashSet<List<Object>>();
        for (Rule rule : rules) {
            rule.matcher.find(scan, (range, fix) -> {
                if (seen.add(List.of(rule.pattern.id(), range))) {
                    found.add(new Finding(rule.pattern, range, fix));
                }
            });
        }
        return found;
    }

    public List<Finding> findings(DocumentSnapshot document) {
        return findings(document, 0, document.lineCount() - 1);
    }

    /** The workspace catalog file this catalog read, as a URI, if it read one. */
    public Optional<String> workspaceUri() {
        return workspaceUri;
    }

    /** What in the workspace's catalog file could not be used, as diagnostics on that file. */
    public List<Finding> catalogFindings() {
        var findings = new ArrayList<Finding>();
        for (CatalogProblem problem : problems) {
            if (workspaceUri.isPresent() && problem.source().equals(workspaceUri.get())) {
                var pattern = new LukhasPattern(CATALOG_PROBLEM, problem.message(), Severity.ERROR, Optional.empty(),
                        Optional.empty());
                findings.add(new Finding(pattern, problem.range().orElse(Span.of(0, 0, 0, 0)), Optional.empty()));
            }
        }
        return findings;
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

        /** @param previous entries of this file that were in force, kept where their new text fails */
        List<Compiled> read(String source, String text, Optional<String> docsHref, Map<String, Compiled> previous) {
            var file = DocumentSnapshot.of(source, "json", 0, text);
            CatalogLocations locations = CatalogLocations.of(text);
            String kept = previous.isEmpty() ? "" : "; its previous patterns stay in force";
            JsonNode root;
            try {
                root = json.readTree(text);
            } catch (JsonProcessingException e) {
                int offset = e.getLocation() == null ? 0 : (int) Math.max(0, e.getLocation().getCharOffset());
                offset = Math.min(offset, text.length());
                problems.add(new CatalogProblem(source, null, "not valid JSON: " + e.getOriginalMessage() + kept,
                        Optional.of(new Span(file.positionOf(offset), file.positionOf(offset)))));
                return List.copyOf(previous.values());
            }
            JsonNode list = root == null ? null : root.get("patterns");
            if (list == null || !list.isArray()) {
                problems.add(new CatalogProblem(source, null, "expected {\"patterns\": [...]}" + kept,
                        Optional.of(Span.of(0, 0, 0, 0))));
                return List.copyOf(previous.values());
            }
            var compiled = new ArrayList<Compiled>();
            var ids = new HashSet<String>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                String id = node.path("id").asText("");
                String label = id.isBlank() ? "#" + (i + 1) + " (no id)" : id;
                String entryPointer = "/patterns/" + i;
                try {
                    if (!ids.add(id)) {
                        throw new EntryProblem("the id appears twice in this file", entryPointer + "/id", -1);
                    }
                    compiled.add(compile(entries.readValue(node), docsHref, source, entryPointer));
                } catch (EntryProblem e) {
                    Compiled before = previous.get(id);
                    problems.add(new CatalogProblem(source, label, e.getMessage()
                            + (before == null ? "" : "; its previous version stays in force"),
                            range(file, locations, e, entryPointer)));
                    if (before != null) {
                        compiled.add(before);
                    }
                } catch (java.io.IOException | IllegalArgumentException e) {
                    String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                    Compiled before = previous.get(id);
                    problems.add(new CatalogProblem(source, label, reason
                            + (before == null ? "" : "; its previous version stays in force"),
                            range(file, locations, new EntryProblem(reason, entryPointer + "/id", -1), entryPointer)));
                    if (before != null) {
                        compiled.add(before);
                    }
                }
            }
            return compiled;
        }

        private static Optional<Span> range(DocumentSnapshot file, CatalogLocations locations, EntryProblem problem,
                                            String entryPointer) {
            // A language's rules may be one object instead of a list of one: "python": {...}.
            Optional<CatalogLocations.Place> place = locations.place(problem.pointer)
                    .or(() -> locations.place(problem.pointer.replaceFirst("(/languages/[^/]+)/0(/|$)", "$1$2")));
            if (place.isPresent() && problem.queryOffset >= 0) {
                int at = locations.offsetInString(place.get(), problem.queryOffset);
                int end = Math.min(place.get().end() - 1, at + 1);
                return Optional.of(new Span(file.positionOf(at), file.positionOf(Math.max(at, end))));
            }
            return place.or(() -> locations.place(entryPointer))
                    .map(p -> new Span(file.positionOf(p.start()), file.positionOf(p.end())));
        }

        private Compiled compile(Entry entry, Optional<String> docsHref, String source, String pointer) {
            if (entry.id() == null || entry.id().isBlank()) {
                throw new EntryProblem("an entry needs an \"id\"", pointer, -1);
            }
            boolean enabled = entry.enabled() == null || entry.enabled();
            if (enabled && (entry.message() == null || entry.message().isBlank())) {
                throw new EntryProblem("an entry needs a \"message\"", pointer + "/id", -1);
            }
            if (enabled && (entry.languages() == null || entry.languages().isEmpty())) {
                throw new EntryProblem("an entry needs \"languages\" with at least one rule", pointer + "/id", -1);
            }
            var compiled = new LinkedHashMap<String, List<PatternMatcher>>();
            if (enabled) {
                entry.languages().forEach((language, rules) -> {
                    var list = new ArrayList<PatternMatcher>();
                    for (int r = 0; r < rules.size(); r++) {
                        list.add(compileRule(language, rules.get(r), r, pointer));
                    }
                    compiled.put(language, List.copyOf(list));
                });
            }
            Optional<String> href = Optional.ofNullable(entry.href())
                    .or(() -> docsHref.map(base -> base + "#" + entry.id().replace('/', '-')));
            Severity severity;
            try {
                severity = enabled ? Severity.parse(entry.severity()) : Severity.HINT;
            } catch (IllegalArgumentException e) {
                throw new EntryProblem(e.getMessage(), pointer + "/severity", -1);
            }
            var pattern = new LukhasPattern(entry.id(), entry.message(), severity,
                    Optional.ofNullable(entry.instruction()).filter(s -> !s.isBlank()), href);
            return new Compiled(pattern, compiled, enabled, source);
        }

        private PatternMatcher compileRule(String language, MatcherRule rule, int index, String pointer) {
            String rulePointer = pointer + "/languages/" + escape(language) + "/" + index;
            try {
                return matchers.compile(language, rule);
            } catch (QueryError e) {
                throw queryProblem(language + " rule " + (index + 1) + ": " + e.getMessage(), rule, e.offset(),
                        rulePointer, pointer);
            } catch (IllegalArgumentException e) {
                throw new EntryProblem(language + " rule " + (index + 1) + ": " + e.getMessage(), rulePointer, -1);
            }
        }

        /** A query problem placed at its character: in the string, or in the line of a query given as lines. */
        private static EntryProblem queryProblem(String message, MatcherRule rule, int offset, String rulePointer,
                                                 String pointer) {
            List<String> lines = rule.query();
            if (lines.size() == 1) {
                return new EntryProblem(message, rulePointer + "/query", offset);
            }
            int at = offset;
            for (int k = 0; k < lines.size(); k++) {
                if (at <= lines.get(k).length()) {
                    return new EntryProblem(message, rulePointer + "/query/" + k, at);
                }
                at -= lines.get(k).length() + 1;
            }
            return new EntryProblem(message, rulePointer + "/query", -1);
        }

        private static String escape(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }
    }

    /** An entry that cannot be used, with the JSON pointer of what to underline. */
    private static final class EntryProblem extends IllegalArgumentException {
        final String pointer;
        final int queryOffset;

        EntryProblem(String message, String pointer, int queryOffset) {
            super(message);
            this.pointer = pointer;
            this.queryOffset = queryOffset;
        }
    }
}
