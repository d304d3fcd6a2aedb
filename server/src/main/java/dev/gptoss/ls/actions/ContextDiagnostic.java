package dev.gptoss.ls.actions;

/** A diagnostic the editor sent with a code action request, from this server or any other. */
public record ContextDiagnostic(Span range, String message, String code, String source) {
}
