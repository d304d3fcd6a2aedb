package dev.gptoss.ls.actions;

import java.util.List;

/** The catalog's deterministic fixes for the findings in range: instant, no model. */
public final class PatternQuickFixes implements CodeActionParticipant {
    @Override
    public void collect(ActionRequest request, List<Finding> findings, List<ActionOffer> out) {
        if (!request.wants(ActionOffer.QUICK_FIX)) {
            return;
        }
        for (Finding finding : findings) {
            finding.fix().ifPresent(fix -> out.add(ActionOffer.quickFix(finding, fix)));
        }
    }
}
