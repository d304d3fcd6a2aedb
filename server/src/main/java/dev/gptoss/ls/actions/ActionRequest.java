package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.List;

/**
 * A code action request: where, the diagnostics the editor has there, and the kinds it wants.
 *
 * @param only kinds asked for (an action of kind {@code quickfix.x} matches {@code quickfix}); empty for all
 */
public record ActionRequest(DocumentSnapshot document, Span range, List<ContextDiagnostic> diagnostics,
                            List<String> only) {

    public boolean wants(String kind) {
        return only.isEmpty() || only.stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
    }
}
