package dev.gptoss.ls.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code textDocument/codeAction} without the protocol: scans only the requested lines, then asks
 * each participant in turn. A participant that fails is logged and skipped so the others still
 * answer; cancellation is checked before each.
 */
public final class CodeActions {
    private static final Logger LOG = Logger.getLogger(CodeActions.class.getName());
    /** Matches may span a few lines; one starting this far above the range can still touch it. */
    private static final int LINES_ABOVE = 4;

    private final Supplier<PatternCatalog> catalog;
    private final List<CodeActionParticipant> participants;

    public CodeActions(Supplier<PatternCatalog> catalog, List<CodeActionParticipant> participants) {
        this.catalog = catalog;
        this.participants = List.copyOf(participants);
    }

    public static CodeActions standard(Supplier<PatternCatalog> catalog) {
        return new CodeActions(catalog, List.of(new PatternQuickFixes(), new ModelActions()));
    }

    /** @param checkCancelled throws (a CancellationException) once the request is cancelled */
    public List<ActionOffer> list(ActionRequest request, Runnable checkCancelled) {
        Span range = request.range();
        if (range.start().equals(range.end())) {
            // A bare cursor asks about its line, as editors show a light bulb for the whole line.
            range = Span.of(range.start().line(), 0, range.start().line(), Integer.MAX_VALUE);
        }
        Span touched = range;
        List<Finding> findings = catalog.get()
                .findings(request.document(), range.start().line() - LINES_ABOVE, range.end().line()).stream()
                .filter(f -> f.range().touches(touched)).toList();
        var offers = new ArrayList<ActionOffer>();
        for (CodeActionParticipant participant : participants) {
            checkCancelled.run();
            var collected = new ArrayList<ActionOffer>();
            try {
                participant.collect(request, findings, collected);
                offers.addAll(collected);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Code action participant " + participant.getClass().getSimpleName()
                        + " failed; answering without it", e);
            }
        }
        return offers;
    }
}
