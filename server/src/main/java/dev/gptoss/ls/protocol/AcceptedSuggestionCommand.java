package dev.gptoss.ls.protocol;

import com.google.gson.JsonElement;
import dev.gptoss.ls.completion.InlineCompletions;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.DocumentStore;
import dev.gptoss.ls.documents.UnknownDocumentException;
import java.util.List;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;

/**
 * {@code gptoss.acceptSuggestion}, which inline completion items carry as their command: the editor
 * runs it after inserting a suggestion, and the server starts on the next one at once.
 */
final class AcceptedSuggestionCommand {
    static final String NAME = "gptoss.acceptSuggestion";

    private final DocumentStore documents;
    private final InlineCompletions completions;

    AcceptedSuggestionCommand(DocumentStore documents, InlineCompletions completions) {
        this.documents = documents;
        this.completions = completions;
    }

    static Command forSuggestion(String uri, Position at, String insertText) {
        return new Command("Accept suggestion", NAME, List.of(uri, at.getLine(), at.getCharacter(), insertText));
    }

    Object run(List<Object> arguments) {
        if (arguments.size() != 4) {
            throw ServerCommands.invalidParams(NAME + " takes [uri, line, character, insertText]");
        }
        String uri = ServerCommands.text(arguments.get(0), NAME);
        Position at = new Position(number(arguments.get(1)), number(arguments.get(2)));
        String insertText = ServerCommands.text(arguments.get(3), NAME);
        DocumentSnapshot current;
        try {
            current = documents.snapshot(uri);
        } catch (UnknownDocumentException e) {
            throw ServerCommands.invalidParams(e.getMessage());
        }
        int offset = Positions.offset(current, at);
        completions.accepted(current, offset, insertText);
        return null;
    }

    private static int number(Object argument) {
        try {
            if (argument instanceof JsonElement json && json.isJsonPrimitive()) {
                return json.getAsInt();
            }
            if (argument instanceof Number n) {
                return n.intValue();
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw ServerCommands.invalidParams(NAME + ": expected a number, got " + argument);
    }
}
