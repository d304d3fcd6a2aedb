package dev.gptoss.ls.context;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.syntax.FileOutline;

/**
 * What every context source gets: the document, the cursor, the cursor text that will be in the
 * prompt anyway (lines {@code firstVisibleLine..lastVisibleLine}), and the document's outline.
 */
public record ContextRequest(DocumentSnapshot document, int offset, CursorContext cursor, int cursorLine,
                             int firstVisibleLine, int lastVisibleLine, FileOutline outline) {

    public boolean visible(int line) {
        return firstVisibleLine <= line && line <= lastVisibleLine;
    }
}
