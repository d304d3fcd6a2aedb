package dev.gptoss.ls.protocol;

import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.PositionOutOfRangeException;
import dev.gptoss.ls.documents.TextPosition;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** LSP positions to and from the document model; a bad one becomes an InvalidParams error. */
final class Positions {
    private Positions() {
    }

    static TextPosition of(Position position) {
        if (position == null) {
            throw invalidParams("A position is required");
        }
        return new TextPosition(position.getLine(), position.getCharacter());
    }

    static int offset(DocumentSnapshot document, Position position) {
        try {
            return document.offsetOf(of(position));
        } catch (PositionOutOfRangeException e) {
            throw invalidParams(e.getMessage());
        }
    }

    static Position toLsp(TextPosition position) {
        return new Position(position.line(), position.character());
    }

    static Range emptyRange(Position at) {
        return new Range(at, at);
    }

    /** A parameter the editor must send; missing, the request is InvalidParams rather than an internal error. */
    static <T> T required(T value, String name) {
        if (value == null) {
            throw invalidParams(name + " is required");
        }
        return value;
    }

    static String uri(org.eclipse.lsp4j.TextDocumentIdentifier document) {
        return required(required(document, "textDocument").getUri(), "textDocument.uri");
    }

    static ResponseErrorException invalidParams(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
