package dev.gptoss.ls.guard;

import java.util.Optional;

/**
 * Documents that never leave: no completion in them, never context for another. The context
 * issue's {@code ExclusionRules} (.gitignore and {@code gptoss.exclude}) is meant to back this;
 * until then {@link GlobExclusions} covers the defaults.
 */
public interface ExcludedDocuments {
    /** Why the document must not go to a model, or empty when it may. */
    Optional<String> whyExcluded(String uri);
}
