package dev.gptoss.ls.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/** What code-action tests read: the code region a prompt sends, and a text after an action's edits. */
final class CodeActionTexts {
    private CodeActionTexts() {
    }

    /** The code region of a code action's chat prompt (its fenced Python block). */
    static String regionOf(JsonNode chatBody) {
        String user = chatBody.path("messages").get(1).path("content").asText();
        int start = user.indexOf("```python\n") + "```python\n".length();
        return user.substring(start, user.lastIndexOf("\n```"));
    }

    /** Applies non-overlapping edits, last first, to text with \n line ends. */
    static String applied(String text, List<TextEdit> edits) {
        var sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
        String result = text;
        for (TextEdit edit : sorted) {
            result = result.substring(0, offset(result, edit.getRange().getStart())) + edit.getNewText()
                    + result.substring(offset(result, edit.getRange().getEnd()));
        }
        return result;
    }

    private static int offset(String text, Position position) {
        int offset = 0;
        for (int line = 0; line < position.getLine(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + position.getCharacter();
    }
}
