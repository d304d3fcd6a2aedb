package dev.gptoss.ls;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.documents.TextPosition;

/** Code with the cursor marked by {@code |}, as tests write it. */
public record CursorFixture(String text, int offset) {

    public static CursorFixture of(String marked) {
        int cursor = marked.indexOf('|');
        if (cursor < 0 || marked.indexOf('|', cursor + 1) >= 0) {
            throw new IllegalArgumentException("A fixture needs exactly one | for the cursor: " + marked);
        }
        return new CursorFixture(marked.substring(0, cursor) + marked.substring(cursor + 1), cursor);
    }

    public DocumentSnapshot snapshot(String languageId) {
        return new TextDocument("file:///work/fixture." + languageId, languageId, 1, text).snapshot();
    }

    public TextPosition position() {
        return snapshot("python").positionOf(offset);
    }
}
