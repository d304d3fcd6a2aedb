package dev.gptoss.ls.actions;

import dev.gptoss.ls.syntax.QueryMatch;
import dev.gptoss.ls.syntax.SyntaxNode;
import dev.gptoss.ls.syntax.TreeQuery;
import java.util.List;
import java.util.Optional;

/** A rule matched by a tree-sitter query on the document's syntax tree. */
final class TreeRule implements PatternMatcher {
    private final TreeQuery query;
    private final Optional<String> reportFrom;
    private final Optional<String> reportTo;
    private final Optional<TreeFix> fix;

    TreeRule(TreeQuery query, Optional<String> reportFrom, Optional<String> reportTo, Optional<TreeFix> fix) {
        this.query = query;
        this.reportFrom = reportFrom;
        this.reportTo = reportTo;
        this.fix = fix;
    }

    @Override
    public void find(RuleScan scan, MatchSink sink) {
        if (scan.tree().isEmpty()) {
            return;
        }
        query.matches(scan.index(), scan.within(), match -> {
            Optional<SyntaxNode> from = reported(match, reportFrom);
            if (from.isEmpty() || !scan.wanted(from.get().start())) {
                return;
            }
            int end = reportTo.flatMap(match::capture).map(SyntaxNode::end).orElse(from.get().end());
            sink.match(scan.span(from.get().start(), Math.max(end, from.get().start())),
                    fix.flatMap(f -> f.apply(match, scan)));
        });
    }

    /** The named capture, else {@code @hit}, else the largest capture, else the matched node. */
    private static Optional<SyntaxNode> reported(QueryMatch match, Optional<String> capture) {
        if (capture.isPresent()) {
            return match.capture(capture.get());
        }
        Optional<SyntaxNode> hit = match.capture("hit");
        if (hit.isPresent()) {
            return hit;
        }
        SyntaxNode largest = match.root();
        int width = -1;
        for (List<SyntaxNode> nodes : match.captures().values()) {
            for (SyntaxNode node : nodes) {
                if (node.end() - node.start() > width) {
                    largest = node;
                    width = node.end() - node.start();
                }
            }
        }
        return Optional.of(largest);
    }
}
