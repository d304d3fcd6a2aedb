package dev.gptoss.ls.actions;

/** A fix that needs no model: a title for the menu and the edit. */
public record QuickFix(String title, Edit edit) {
}
