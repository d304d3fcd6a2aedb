package dev.gptoss.ls.actions;

import java.util.Optional;

/**
 * A catalog pattern as the rest of the server sees it, its matchers aside.
 *
 * @param instruction what to ask the model for a model-made fix, when the pattern has one
 * @param href where the pattern is described, when known
 */
public record LukhasPattern(String id, String message, Severity severity, Optional<String> instruction,
                            Optional<String> href) {
}
