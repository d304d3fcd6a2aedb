package dev.gptoss.ls.guard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text with its secrets replaced by placeholders.
 *
 * @param secrets each distinct secret and its placeholder, in the order they were first seen
 */
public record Redacted(String text, Map<String, String> secrets) {
    public static final Redacted NONE = new Redacted("", Map.of());

    public Redacted {
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    public boolean found() {
        return !secrets.isEmpty();
    }
}
