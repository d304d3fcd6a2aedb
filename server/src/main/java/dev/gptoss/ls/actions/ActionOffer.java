package dev.gptoss.ls.actions;

import java.util.List;
import java.util.Optional;

/**
 * One code action to show: a deterministic fix with its edits, or a model-made action with the
 * task that {@code codeAction/resolve} will run.
 *
 * @param finding the pattern finding the action fixes, if it fixes one
 */
public record ActionOffer(String title, String kind, List<Edit> edits, Optional<ModelActionTask> task,
                          Optional<Finding> finding, boolean preferred) {

    public static final String QUICK_FIX = "quickfix";
    public static final String REWRITE = "refactor.rewrite";
    public static final String EXPLAIN = "refactor.explain";

    static ActionOffer quickFix(Finding finding, QuickFix fix) {
        return new ActionOffer(fix.title() + " (" + finding.pattern().id() + ")", QUICK_FIX, fix.edits(),
                Optional.empty(), Optional.of(finding), true);
    }

    static ActionOffer model(String title, String kind, ModelActionTask task, Optional<Finding> finding) {
        return new ActionOffer(title, kind, List.of(), Optional.of(task), finding, false);
    }
}
