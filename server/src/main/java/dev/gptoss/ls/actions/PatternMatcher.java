package dev.gptoss.ls.actions;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.Optional;

/** Finds one rule's matches. Compiled once per catalog; safe to share between threads. */
public interface PatternMatcher {

    /** Reports each match that starts on a line in {@code [fromLine, toLine]}. */
    void find(DocumentSnapshot document, int fromLine, int toLine, MatchSink sink);

    @FunctionalInterface
    interface MatchSink {
        void match(Span range, Optional<QuickFix> fix);
    }
}
