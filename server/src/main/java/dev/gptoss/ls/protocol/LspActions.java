package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gptoss.ls.actions.ModelActionTask;
import dev.gptoss.ls.actions.ContextDiagnostic;
import dev.gptoss.ls.actions.DocumentDiagnostics;
import dev.gptoss.ls.actions.Edit;
import dev.gptoss.ls.actions.Finding;
import dev.gptoss.ls.actions.Span;
import dev.gptoss.ls.documents.TextPosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.AnnotatedTextEdit;
import org.eclipse.lsp4j.ChangeAnnotation;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The code action feature's plain records to and from LSP's JSON shapes. */
final class LspActions {
    static final String SOURCE = "gptoss-ls";

    private LspActions() {
    }

    static Range range(Span span) {
        return new Range(Positions.toLsp(span.start()), Positions.toLsp(span.end()));
    }

    static Span span(Range range) {
        Positions.required(range, "range");
        return new Span(Positions.of(range.getStart()), Positions.of(range.getEnd()));
    }

    static Diagnostic diagnostic(Finding finding) {
        var diagnostic = new Diagnostic(range(finding.range()), finding.pattern().message(),
                DiagnosticSeverity.forValue(finding.pattern().severity().ordinal() + 1), SOURCE,
                finding.pattern().id());
        finding.pattern().href().ifPresent(href -> diagnostic.setCodeDescription(new DiagnosticCodeDescription(href)));
        return diagnostic;
    }

    static PublishDiagnosticsParams publishParams(DocumentDiagnostics.Report report) {
        return new PublishDiagnosticsParams(report.uri(),
                report.findings().stream().map(LspActions::diagnostic).toList(), report.version().orElse(null));
    }

    static ContextDiagnostic contextDiagnostic(Diagnostic diagnostic) {
        String code = diagnostic.getCode() == null ? null
                : diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft() : String.valueOf(diagnostic.getCode().getRight());
        String message = diagnostic.getMessage() == null ? "" : diagnostic.getMessage().isLeft()
                ? diagnostic.getMessage().getLeft() : diagnostic.getMessage().getRight().getValue();
        return new ContextDiagnostic(span(diagnostic.getRange()), message, code, diagnostic.getSource());
    }

    /**
     * How the editor takes workspace edits: versioned {@code documentChanges} (refused by the editor
     * when the document has moved on), and change annotations (VS Code shows edits that need
     * confirmation in its refactor preview). Each only when the client says it supports it.
     */
    record EditSupport(boolean documentChanges, boolean changeAnnotations) {
        static final EditSupport NONE = new EditSupport(false, false);

        static EditSupport of(ClientCapabilities capabilities) {
            WorkspaceEditCapabilities edits = capabilities == null || capabilities.getWorkspace() == null ? null
                    : capabilities.getWorkspace().getWorkspaceEdit();
            if (edits == null) {
                return NONE;
            }
            boolean documentChanges = Boolean.TRUE.equals(edits.getDocumentChanges());
            return new EditSupport(documentChanges, documentChanges && edits.getChangeAnnotationSupport() != null);
        }
    }

    /** The label under which an editor's preview groups the edits a model made. */
    static final String MODEL_EDIT = "gptoss-model-edit";

    /** A deterministic fix's edits of one version of a document. */
    static WorkspaceEdit workspaceEdit(String uri, int version, List<Edit> edits, EditSupport support) {
        return edit(uri, version, edits, support, null);
    }

    /** A model's edits of one version of a document, marked for the editor to ask before applying them. */
    static WorkspaceEdit modelEdit(String uri, int version, List<Edit> edits, EditSupport support, String answeredBy) {
        if (!support.changeAnnotations()) {
            return edit(uri, version, edits, support, null);
        }
        var annotation = new ChangeAnnotation("GPT-OSS edit");
        annotation.setNeedsConfirmation(true);
        annotation.setDescription("Written by " + answeredBy + "; check it before applying.");
        WorkspaceEdit edit = edit(uri, version, edits, support, MODEL_EDIT);
        edit.setChangeAnnotations(Map.of(MODEL_EDIT, annotation));
        return edit;
    }

    private static WorkspaceEdit edit(String uri, int version, List<Edit> edits, EditSupport support,
                                      String annotationId) {
        List<TextEdit> textEdits = edits.stream().map(e -> annotationId == null
                ? new TextEdit(range(e.range()), e.newText())
                : new AnnotatedTextEdit(range(e.range()), e.newText(), annotationId)).toList();
        if (!support.documentChanges()) {
            return new WorkspaceEdit(Map.of(uri, textEdits));
        }
        var document = new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version),
                textEdits.stream().map(Either::<TextEdit, SnippetTextEdit>forLeft).toList());
        var edit = new WorkspaceEdit(List.of(Either.<TextDocumentEdit, ResourceOperation>forLeft(document)));
        edit.setChanges(null);
        return edit;
    }

    static JsonObject data(ModelActionTask task) {
        var data = new JsonObject();
        data.addProperty("gptoss", task.kind().id());
        data.addProperty("uri", task.uri());
        data.addProperty("version", task.version());
        data.add("range", rangeJson(task.range()));
        task.patternId().ifPresent(id -> data.addProperty("patternId", id));
        task.diagnostic().ifPresent(d -> {
            var diagnostic = new JsonObject();
            diagnostic.add("range", rangeJson(d.range()));
            diagnostic.addProperty("message", d.message());
            diagnostic.addProperty("code", d.code());
            diagnostic.addProperty("source", d.source());
            data.add("diagnostic", diagnostic);
        });
        return data;
    }

    /** The task a code action carries, or empty when its data is not one of ours. */
    static Optional<ModelActionTask> task(Object data) {
        if (!(data instanceof JsonObject json) || !json.has("gptoss") || !json.has("uri") || !json.has("range")) {
            return Optional.empty();
        }
        try {
            Optional<ContextDiagnostic> diagnostic = Optional.ofNullable(json.getAsJsonObject("diagnostic")).map(d ->
                    new ContextDiagnostic(spanJson(d.get("range")), string(d, "message"), string(d, "code"),
                            string(d, "source")));
            return Optional.of(new ModelActionTask(ModelActionTask.Kind.of(json.get("gptoss").getAsString()), json.get("uri").getAsString(),
                    json.get("version").getAsInt(), spanJson(json.get("range")),
                    Optional.ofNullable(string(json, "patternId")), diagnostic));
        } catch (RuntimeException e) {
            throw Positions.invalidParams("Malformed code action data: " + e.getMessage());
        }
    }

    private static String string(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static JsonObject rangeJson(Span span) {
        var range = new JsonObject();
        range.add("start", positionJson(span.start()));
        range.add("end", positionJson(span.end()));
        return range;
    }

    private static JsonObject positionJson(TextPosition position) {
        var json = new JsonObject();
        json.addProperty("line", position.line());
        json.addProperty("character", position.character());
        return json;
    }

    private static Span spanJson(JsonElement range) {
        JsonObject start = range.getAsJsonObject().getAsJsonObject("start");
        JsonObject end = range.getAsJsonObject().getAsJsonObject("end");
        return Span.of(start.get("line").getAsInt(), start.get("character").getAsInt(),
                end.get("line").getAsInt(), end.get("character").getAsInt());
    }
}
