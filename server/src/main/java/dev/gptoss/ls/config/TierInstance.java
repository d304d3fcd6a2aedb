package dev.gptoss.ls.config;

/** A model served by a named endpoint, as listed in a tier. */
public record TierInstance(String endpoint, String model) {
}
