package dev.gptoss.ls.actions;

import java.util.Optional;

/**
 * One place where a pattern matched.
 *
 * @param range what the diagnostic underlines
 * @param fix the deterministic edit, when the pattern's rule has one
 */
public record Finding(LukhasPattern pattern, Span range, Optional<QuickFix> fix) {
}
