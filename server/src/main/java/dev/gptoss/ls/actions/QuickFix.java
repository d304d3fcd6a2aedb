package dev.gptoss.ls.actions;

import java.util.List;

/** A fix that needs no model: a title for the menu and its edits, which do not overlap. */
public record QuickFix(String title, List<Edit> edits) {
    public QuickFix {
        edits = List.copyOf(edits);
    }

    public QuickFix(String title, Edit edit) {
        this(title, List.of(edit));
    }
}
