package dev.gptoss.ls.documents;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who hears of each document open, change and close, and in what order: the one list of steps,
 * written where the server is assembled. Each step runs on the thread that applied the change (the
 * one reading the editor's messages), so it must be quick. A step that throws is logged and the
 * next steps still run: one broken feature must not stop the others from seeing the edit.
 */
public final class DocumentEvents implements Consumer<DocumentEvent> {
    private static final Logger LOG = Logger.getLogger(DocumentEvents.class.getName());

    /** One listener, named for the log. */
    public record Step(String name, Consumer<DocumentEvent> listener) {
    }

    private final List<Step> steps;

    public DocumentEvents(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Step step(String name, Consumer<DocumentEvent> listener) {
        return new Step(name, listener);
    }

    /** The names of the steps, in the order they run. */
    public List<String> order() {
        return steps.stream().map(Step::name).toList();
    }

    @Override
    public void accept(DocumentEvent event) {
        for (Step step : steps) {
            try {
                step.listener().accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Document event step \"" + step.name() + "\" failed for " + event.uri(), e);
            }
        }
    }
}
