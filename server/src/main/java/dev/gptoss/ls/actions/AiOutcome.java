package dev.gptoss.ls.actions;

/** What resolving a model-made action gave. */
public sealed interface AiOutcome {

    /** An edit to offer. */
    record Replace(Edit edit) implements AiOutcome {
    }

    /** An answer to show the user as Markdown. */
    record Explanation(String markdown) implements AiOutcome {
    }

    /** Nothing to offer, and why, in words for the user. */
    record Declined(String reason) implements AiOutcome {
    }
}
