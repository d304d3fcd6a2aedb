package dev.gptoss.ls.protocol;

import java.util.logging.Logger;

/** Ends the server when the editor that started it is gone, so no orphan keeps running. */
final class ParentProcessWatcher {
    private static final Logger LOG = Logger.getLogger(ParentProcessWatcher.class.getName());

    private ParentProcessWatcher() {
    }

    static void exitWhenGone(Integer processId, Runnable exit) {
        if (processId == null) {
            return;
        }
        ProcessHandle.of(processId).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    LOG.warning("The editor process " + processId + " has exited; stopping");
                    exit.run();
                }),
                () -> {
                    LOG.warning("The editor process " + processId + " does not exist; stopping");
                    exit.run();
                });
    }
}
