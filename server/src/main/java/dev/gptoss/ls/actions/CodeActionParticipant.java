package dev.gptoss.ls.actions;

import java.util.List;

/** One source of code actions. It must be quick: no model calls, no I/O. */
@FunctionalInterface
public interface CodeActionParticipant {

    /** @param findings the pattern findings that touch the request's range */
    void collect(ActionRequest request, List<Finding> findings, List<ActionOffer> out);
}
