package dev.gptoss.ls.guard;

import java.util.Optional;

/**
 * Documents that never leave: no completion in them, never context for another. The server backs
 * this with {@link GlobExclusions} (files that hold secrets) and the workspace's {@code ExclusionRules}
 * (its ignore files and {@code gptoss.exclude}).
 */
public interface ExcludedDocuments {
    /** Why the document must not go to a model, or empty when it may. */
    Optional<String> whyExcluded(String uri);
}
