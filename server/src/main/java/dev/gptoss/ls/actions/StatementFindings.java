package dev.gptoss.ls.actions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.PositionOutOfRangeException;
import dev.gptoss.ls.documents.TextPosition;
import dev.gptoss.ls.syntax.SyntaxNode;
import dev.gptoss.ls.syntax.SyntaxTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The findings of each top-level statement of a document, kept from one scan to the next. A
 * statement whose subtree the new tree shares with the old one (an edit elsewhere) keeps its
 * findings, shifted; the rules run again only on the statements an edit touched. Everything a
 * statement's findings may depend on outside itself (imports, module-level assignments, the names
 * of the module's definitions) is the file's fingerprint: when that changes, or when an edited
 * statement is a module-level function (which other statements may call), the whole file is
 * scanned again.
 */
final class StatementFindings {
    private static final Set<String> CLASSES = Set.of("class_definition", "class_declaration",
            "abstract_class_declaration", "interface_declaration", "enum_declaration", "record_declaration");
    private static final Set<String> FUNCTIONS = Set.of("function_definition", "function_declaration",
            "generator_function_declaration", "method_declaration");

    /** A finding with offsets relative to its statement's start, so it survives the statement moving. */
    private record Kept(LukhasPattern pattern, int start, int end, Optional<KeptFix> fix) {
    }

    private record KeptFix(String title, List<KeptEdit> edits) {
    }

    private record KeptEdit(int start, int end, String text) {
    }

    /**
     * A statement's findings, relative to it, and as they were last published from where the
     * statement then started: a statement whose start line and column did not move (an edit on a
     * later line, or one on its own line after it) keeps its findings as they are.
     */
    private record Statement(List<Kept> relative, TextPosition start, List<Finding> published) {
    }

    /**
     * What one scan of a document left: its fingerprint, each statement's findings by shape, and
     * what each statement adds to the fingerprint (a statement is read for it once).
     */
    private record Memo(String languageId, String fingerprint, Map<Object, Statement> byShape,
                        Map<Object, String> contributions) {
    }

    private final Cache<String, Memo> memos = Caffeine.newBuilder().maximumSize(64).build();

    /** The tree's findings, running {@code rules} on the statements that need it. */
    List<Finding> findings(DocumentSnapshot document, SyntaxTree tree, Function<RuleScan, List<Finding>> rules) {
        SyntaxNode root = tree.rootNode();
        List<SyntaxNode> statements = root.children();
        Memo previous = memos.getIfPresent(document.uri());
        var contributions = new IdentityHashMap<Object, String>();
        String fingerprint = fingerprint(statements, previous == null ? Map.of() : previous.contributions(), contributions);
        boolean reuse = previous != null && previous.languageId().equals(document.languageId())
                && previous.fingerprint().equals(fingerprint);
        var dirty = new ArrayList<SyntaxNode>();
        var kept = new IdentityHashMap<Object, Statement>();
        for (SyntaxNode statement : statements) {
            Statement known = reuse ? previous.byShape().get(statement.shape()) : null;
            if (known != null) {
                kept.put(statement.shape(), known);
            } else {
                dirty.add(statement);
            }
        }
        if (reuse && dirty.stream().anyMatch(StatementFindings::moduleFunction)) {
            dirty = new ArrayList<>(statements);
            kept.clear();
        }
        if (!reuse) {
            dirty = new ArrayList<>(statements);
        }
        List<Finding> fresh = dirty.isEmpty() ? List.of() : rules.apply(RuleScan.of(document, tree, dirty));
        var byStatement = new IdentityHashMap<SyntaxNode, List<Kept>>();
        dirty.forEach(statement -> byStatement.put(statement, new ArrayList<>()));
        var unkeepable = new java.util.HashSet<Object>();
        var freshByStatement = new IdentityHashMap<SyntaxNode, List<Finding>>();
        for (Finding finding : fresh) {
            int start = offset(document, finding.range().start());
            SyntaxNode statement = statementAt(dirty, start);
            if (statement == null) {
                continue;
            }
            freshByStatement.computeIfAbsent(statement, x -> new ArrayList<>()).add(finding);
            Optional<Kept> relative = relative(document, finding, statement);
            if (relative.isPresent()) {
                byStatement.get(statement).add(relative.get());
            } else {
                unkeepable.add(statement.shape());
            }
        }
        var all = new ArrayList<Finding>(fresh);
        var memo = new IdentityHashMap<Object, Statement>();
        for (SyntaxNode statement : statements) {
            Statement known = kept.get(statement.shape());
            if (known != null && !byStatement.containsKey(statement)) {
                if (known.relative().isEmpty()) {
                    memo.put(statement.shape(), known);
                    continue;
                }
                TextPosition start = document.positionOf(statement.start());
                List<Finding> published = start.equals(known.start()) ? known.published()
                        : known.relative().stream().map(k -> absolute(document, k, statement.start())).toList();
                all.addAll(published);
                memo.put(statement.shape(), new Statement(known.relative(), start, published));
            }
        }
        byStatement.forEach((statement, list) -> {
            if (!unkeepable.contains(statement.shape())) {
                memo.put(statement.shape(), new Statement(List.copyOf(list), document.positionOf(statement.start()),
                        List.copyOf(freshByStatement.getOrDefault(statement, List.of()))));
            }
        });
        memos.put(document.uri(), new Memo(document.languageId(), fingerprint, memo, contributions));
        return all;
    }

    /**
     * The statements other statements' findings may depend on, as text (imports, module-level
     * assignments); definitions by name only. Each statement is read for it once.
     */
    private static String fingerprint(List<SyntaxNode> statements, Map<Object, String> known,
                                      Map<Object, String> contributions) {
        var digest = new StringBuilder();
        for (SyntaxNode statement : statements) {
            String contribution = known.get(statement.shape());
            if (contribution == null) {
                contribution = contribution(statement);
            }
            contributions.put(statement.shape(), contribution);
            if (!contribution.isEmpty()) {
                digest.append(contribution).append('\n');
            }
        }
        return digest.toString();
    }

    private static String contribution(SyntaxNode statement) {
        SyntaxNode definition = unwrapped(statement);
        if (CLASSES.contains(definition.type()) || FUNCTIONS.contains(definition.type())) {
            return definition.type() + " " + definition.field("name").map(SyntaxNode::text).orElse("");
        }
        return statement.comment() ? "" : statement.text();
    }

    private static boolean moduleFunction(SyntaxNode statement) {
        return FUNCTIONS.contains(unwrapped(statement).type());
    }

    /** {@code @decorator def f}, {@code export class C}: the definition inside. */
    private static SyntaxNode unwrapped(SyntaxNode statement) {
        if (statement.is("decorated_definition")) {
            return statement.field("definition").orElse(statement);
        }
        if (statement.is("export_statement")) {
            return statement.field("declaration").orElse(statement);
        }
        return statement;
    }

    private static SyntaxNode statementAt(List<SyntaxNode> statements, int offset) {
        for (SyntaxNode statement : statements) {
            if (statement.start() <= offset && offset < Math.max(statement.end(), statement.start() + 1)) {
                return statement;
            }
        }
        return null;
    }

    /** The finding relative to its statement; empty when its fix edits outside it (an added import). */
    private static Optional<Kept> relative(DocumentSnapshot document, Finding finding, SyntaxNode statement) {
        int base = statement.start();
        Optional<KeptFix> fix = Optional.empty();
        if (finding.fix().isPresent()) {
            var edits = new ArrayList<KeptEdit>();
            for (Edit edit : finding.fix().get().edits()) {
                int start = offset(document, edit.range().start());
                int end = offset(document, edit.range().end());
                if (start < statement.start() || end > statement.end()) {
                    return Optional.empty();
                }
                edits.add(new KeptEdit(start - base, end - base, edit.newText()));
            }
            fix = Optional.of(new KeptFix(finding.fix().get().title(), edits));
        }
        return Optional.of(new Kept(finding.pattern(), offset(document, finding.range().start()) - base,
                offset(document, finding.range().end()) - base, fix));
    }

    private static Finding absolute(DocumentSnapshot document, Kept kept, int base) {
        Optional<QuickFix> fix = kept.fix().map(f -> new QuickFix(f.title(), f.edits().stream()
                .map(e -> new Edit(span(document, base + e.start(), base + e.end()), e.text())).toList()));
        return new Finding(kept.pattern(), span(document, base + kept.start(), base + kept.end()), fix);
    }

    private static Span span(DocumentSnapshot document, int start, int end) {
        return new Span(document.positionOf(start), document.positionOf(end));
    }

    private static int offset(DocumentSnapshot document, TextPosition position) {
        try {
            return document.offsetOf(position);
        } catch (PositionOutOfRangeException e) {
            throw new IllegalStateException("A finding outside its document: " + position, e);
        }
    }
}
