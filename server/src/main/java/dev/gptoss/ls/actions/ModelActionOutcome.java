package dev.gptoss.ls.actions;

/** What resolving a model-made action gave, and who answered ("gpt-oss:20b on box", say). */
public sealed interface ModelActionOutcome {

    String answeredBy();

    /** An edit to offer. */
    record Replace(ProposedEdit edit, String answeredBy) implements ModelActionOutcome {
    }

    /** An answer to show the user as Markdown, about {@code region} (whole lines). */
    record Explanation(String markdown, Span region, String answeredBy) implements ModelActionOutcome {
    }

    /** Nothing to offer, and why, in words for the user. */
    record Declined(String reason, String answeredBy) implements ModelActionOutcome {
    }
}
