package dev.gptoss.ls.actions;

import java.util.Optional;

/** Finds one rule's matches. Compiled once per catalog; safe to share between threads. */
public interface PatternMatcher {

    /** Reports each match that starts on a line the scan wants. */
    void find(RuleScan scan, MatchSink sink);

    @FunctionalInterface
    interface MatchSink {
        void match(Span range, Optional<QuickFix> fix);
    }
}
