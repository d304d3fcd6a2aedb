package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.Generation;

/** A generation and the instance that wrote it. */
public record RoutedGeneration(Generation generation, ModelInstance instance) {
}
