package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The GPT-OSS actions, offered without their edits: the model runs only when one is resolved.
 * "Fix with GPT-OSS" for any diagnostic in the request (another server's too), "Apply LUKHAS
 * pattern" for findings whose pattern has an instruction, "Add docstring" and "Explain".
 */
public final class ModelActions implements CodeActionParticipant {
    private static final int TITLE_MESSAGE_LENGTH = 60;

    @Override
    public void collect(ActionRequest request, List<Finding> findings, List<ActionOffer> out) {
        DocumentSnapshot document = request.document();
        if (request.wants(ActionOffer.QUICK_FIX)) {
            for (ContextDiagnostic diagnostic : request.diagnostics()) {
                out.add(ActionOffer.model("Fix with GPT-OSS: " + shortened(diagnostic.message()), ActionOffer.QUICK_FIX,
                        task(ModelActionTask.Kind.FIX, document, diagnostic.range(), Optional.empty(), Optional.of(diagnostic)),
                        Optional.empty()));
            }
            for (Finding finding : findings) {
                if (finding.pattern().instruction().isPresent()) {
                    out.add(ActionOffer.model("Apply LUKHAS pattern " + finding.pattern().id() + " with GPT-OSS",
                            ActionOffer.QUICK_FIX, task(ModelActionTask.Kind.PATTERN, document, finding.range(),
                                    Optional.of(finding.pattern().id()), Optional.empty()), Optional.of(finding)));
                }
            }
        }
        if (request.wants(ActionOffer.REWRITE)) {
            out.add(ActionOffer.model("Add docstring with GPT-OSS", ActionOffer.REWRITE,
                    task(ModelActionTask.Kind.DOCSTRING, document, request.range(), Optional.empty(), Optional.empty()),
                    Optional.empty()));
        }
        if (request.wants(ActionOffer.EXPLAIN)) {
            out.add(ActionOffer.model("Explain with GPT-OSS", ActionOffer.EXPLAIN,
                    task(ModelActionTask.Kind.EXPLAIN, document, request.range(), Optional.empty(), Optional.empty()),
                    Optional.empty()));
        }
    }

    private static ModelActionTask task(ModelActionTask.Kind kind, DocumentSnapshot document, Span range, Optional<String> patternId,
                               Optional<ContextDiagnostic> diagnostic) {
        return new ModelActionTask(kind, document.uri(), document.version(), range, patternId, diagnostic);
    }

    private static String shortened(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > TITLE_MESSAGE_LENGTH ? line.substring(0, TITLE_MESSAGE_LENGTH) + "…" : line;
    }
}
