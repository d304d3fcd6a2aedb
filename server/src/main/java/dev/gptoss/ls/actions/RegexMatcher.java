package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule matched by a regular expression over the text of a document whose language has no
 * grammar (YAML, Dockerfiles, plain text): the only rules that read text rather than a tree. Only
 * the requested lines (plus a few after them, for matches that span lines) are scanned; lookarounds
 * still see the whole text.
 */
final class RegexMatcher implements PatternMatcher {
    private static final int SPAN_LINES = 12;
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\{(\\w+)\\}|\\$(\\d)");

    private final Pattern regex;
    private final boolean hasHit;
    private final Optional<Pattern> when;
    private final Optional<Pattern> unless;
    private final Optional<MatcherRule.FixTemplate> fix;

    RegexMatcher(Pattern regex, boolean hasHit, Optional<Pattern> when, Optional<Pattern> unless,
                 Optional<MatcherRule.FixTemplate> fix) {
        this.regex = regex;
        this.hasHit = hasHit;
        this.when = when;
        this.unless = unless;
        this.fix = fix;
    }

    @Override
    public void find(RuleScan scan, MatchSink sink) {
        DocumentSnapshot document = scan.document();
        int fromLine = scan.fromLine();
        int toLine = scan.toLine();
        String text = document.text();
        int first = Math.max(0, fromLine);
        int last = Math.min(document.lineCount() - 1, toLine);
        if (first > last) {
            return;
        }
        int regionEndLine = Math.min(document.lineCount() - 1, last + SPAN_LINES);
        int regionEnd = document.lineContentEnd(regionEndLine);
        int lastStart = last + 1 < document.lineCount() ? document.lineStart(last + 1) : text.length() + 1;
        Matcher m = regex.matcher(text).region(document.lineStart(first), regionEnd)
                .useTransparentBounds(true).useAnchoringBounds(false);
        while (m.find()) {
            if (m.start() >= lastStart) {
                return;
            }
            if (m.end() == m.start()) {
                continue;
            }
            if (accepted(document, m)) {
                int hitStart = hasHit && m.start("hit") >= 0 ? m.start("hit") : m.start();
                int hitEnd = hasHit && m.start("hit") >= 0 ? m.end("hit") : m.end();
                sink.match(span(document, hitStart, hitEnd), fix.map(f -> new QuickFix(f.title(),
                        new Edit(span(document, m.start(), m.end()), expand(f.replace(), m, document)))));
            }
        }
    }

    private boolean accepted(DocumentSnapshot document, Matcher m) {
        if (when.isEmpty() && unless.isEmpty()) {
            return true;
        }
        int line = document.positionOf(m.start()).line();
        int endLine = document.positionOf(m.end()).line();
        String lines = document.slice(document.lineStart(line), document.lineContentEnd(endLine));
        return !(when.isPresent() && !when.get().matcher(lines).find()
                || unless.isPresent() && unless.get().matcher(lines).find());
    }

    private static Span span(DocumentSnapshot document, int start, int end) {
        return new Span(document.positionOf(start), document.positionOf(end));
    }

    /** The template with groups filled in; its own line ends become the document's. */
    private static String expand(String template, Matcher match, DocumentSnapshot document) {
        Matcher reference = GROUP_REFERENCE.matcher(template);
        String separator = document.lineSeparator();
        var out = new StringBuilder();
        int at = 0;
        while (reference.find()) {
            out.append(template.substring(at, reference.start()).replace("\n", separator));
            String value = reference.group(1) != null ? match.group(reference.group(1))
                    : match.group(Integer.parseInt(reference.group(2)));
            out.append(value == null ? "" : value);
            at = reference.end();
        }
        out.append(template.substring(at).replace("\n", separator));
        return out.toString();
    }
}
