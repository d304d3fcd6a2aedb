package dev.gptoss.ls.documents;

import java.util.List;

/**
 * What happened to one document: opened (no edits), changed (the edits in the order applied), or
 * closed ({@code snapshot} is null).
 */
public record DocumentEvent(String uri, DocumentSnapshot snapshot, List<AppliedEdit> edits) {
    public boolean closed() {
        return snapshot == null;
    }

    public boolean opened() {
        return snapshot != null && edits.isEmpty();
    }
}
