package dev.gptoss.ls.completion;

import dev.gptoss.ls.documents.DocumentSnapshot;

/**
 * A request for a suggestion at an offset of one document version.
 *
 * @param automatic typed-by-the-user trigger (as opposed to an explicit invoke)
 */
public record CompletionQuery(DocumentSnapshot document, int offset, boolean automatic) {
}
