package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import dev.gptoss.ls.actions.Edit;
import dev.gptoss.ls.actions.Span;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;

/** Workspace edits as they go over the wire (with the server's JSON settings), for each kind of editor. */
class LspActionsTest {
    private static final List<Edit> EDITS = List.of(new Edit(Span.of(3, 0, 3, 7), "except Exception:"));

    @Test
    void aModelEditForAnEditorWithAnnotationsIsVersionedAndEachEditNeedsConfirmation() {
        JsonObject json = wire(LspActions.modelEdit("file:///a.py", 7, EDITS,
                new LspActions.EditSupport(true, true), "gpt-oss:120b on box (strong tier)"));

        assertFalse(json.has("changes"));
        JsonObject document = json.getAsJsonArray("documentChanges").get(0).getAsJsonObject();
        assertEquals(7, document.getAsJsonObject("textDocument").get("version").getAsInt());
        JsonObject edit = document.getAsJsonArray("edits").get(0).getAsJsonObject();
        String id = edit.get("annotationId").getAsString();
        JsonObject annotation = json.getAsJsonObject("changeAnnotations").getAsJsonObject(id);
        assertEquals(true, annotation.get("needsConfirmation").getAsBoolean());
        assertEquals("GPT-OSS edit", annotation.get("label").getAsString());
    }

    @Test
    void anEditorWithoutAnnotationsGetsPlainVersionedEditsAndOneWithoutDocumentChangesAChangesMap() {
        JsonObject versioned = wire(LspActions.modelEdit("file:///a.py", 7, EDITS,
                new LspActions.EditSupport(true, false), "m"));
        assertFalse(versioned.has("changeAnnotations"));
        assertFalse(versioned.getAsJsonArray("documentChanges").get(0).getAsJsonObject().getAsJsonArray("edits").get(0)
                .getAsJsonObject().has("annotationId"));

        JsonObject plain = wire(LspActions.modelEdit("file:///a.py", 7, EDITS, LspActions.EditSupport.NONE, "m"));
        assertFalse(plain.has("documentChanges"));
        assertEquals("except Exception:", plain.getAsJsonObject("changes").getAsJsonArray("file:///a.py").get(0)
                .getAsJsonObject().get("newText").getAsString());
    }

    private static JsonObject wire(WorkspaceEdit edit) {
        return new MessageJsonHandler(Map.of(), AnnotatedTextEdits::register).getGson().toJsonTree(edit).getAsJsonObject();
    }
}
