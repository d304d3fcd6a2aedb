package dev.gptoss.ls.config;

import java.util.List;

/**
 * What the guard lets leave for a model (issue 8).
 *
 * @param redact replace secrets in prompts with placeholders
 * @param customPatterns extra secret formats, on top of the built-in ones
 * @param maxDocumentBytes larger documents (UTF-8) are kept in sync but get no model request
 * @param maxLineLength a document with a longer line (minified, generated, data) gets no model request
 * @param trace log each model request, redacted, and each suggestion
 */
public record GuardSettings(boolean redact, List<CustomPattern> customPatterns, int maxDocumentBytes,
                            int maxLineLength, boolean trace) {
    public static final GuardSettings DEFAULT = new GuardSettings(true, List.of(), 2 * 1024 * 1024, 4000, false);

    public GuardSettings {
        customPatterns = List.copyOf(customPatterns);
    }

    /** A user's secret format: the placeholder's name and a Java regular expression. */
    public record CustomPattern(String name, String regex) {
    }
}
