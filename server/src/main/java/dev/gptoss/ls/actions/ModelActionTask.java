package dev.gptoss.ls.actions;

import java.util.Locale;
import java.util.Optional;

/**
 * A model-made action, carried by the offered code action until it is resolved.
 *
 * @param version the document version the action was offered for
 */
public record ModelActionTask(Kind kind, String uri, int version, Span range, Optional<String> patternId,
                     Optional<ContextDiagnostic> diagnostic) {

    public enum Kind {
        FIX, PATTERN, DOCSTRING, EXPLAIN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
