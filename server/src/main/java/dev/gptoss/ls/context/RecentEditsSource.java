package dev.gptoss.ls.context;

import dev.gptoss.ls.documents.AppliedEdit;
import dev.gptoss.ls.documents.DocumentEvent;
import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The lines around the latest edits in other files: a bounded ring buffer, newest first. */
public final class RecentEditsSource implements ContextSource {
    static final String NAME = "recent-edit";
    private static final int CAPACITY = 16;
    private static final int SHOWN = 4;
    private static final int LINES_AROUND = 3;

    private record Spot(String uri, int line) {
    }

    private final Deque<Spot> spots = new ArrayDeque<>();
    private final Function<String, Optional<DocumentSnapshot>> documents;

    public RecentEditsSource(Function<String, Optional<DocumentSnapshot>> documents) {
        this.documents = documents;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Feed from {@code DocumentStore.onEvent}. */
    public void accept(DocumentEvent event) {
        synchronized (spots) {
            if (event.closed()) {
                spots.removeIf(s -> s.uri().equals(event.uri()));
                return;
            }
            for (AppliedEdit edit : event.edits()) {
                int line = edit.newEnd().line();
                spots.removeIf(s -> s.uri().equals(event.uri()) && Math.abs(s.line() - line) <= LINES_AROUND);
                spots.addFirst(new Spot(event.uri(), line));
                while (spots.size() > CAPACITY) {
                    spots.removeLast();
                }
            }
        }
    }

    @Override
    public List<ContextSnippet> collect(ContextRequest request) {
        List<Spot> recent;
        synchronized (spots) {
            recent = new ArrayList<>(spots);
        }
        var snippets = new ArrayList<ContextSnippet>();
        for (Spot spot : recent) {
            if (snippets.size() >= SHOWN || spot.uri().equals(request.document().uri())) {
                continue;
            }
            documents.apply(spot.uri()).ifPresent(document -> {
                int first = Math.max(0, spot.line() - LINES_AROUND);
                int last = Math.min(document.lineCount() - 1, spot.line() + LINES_AROUND);
                if (first <= last) {
                    String text = document.slice(document.lineStart(first), document.lineContentEnd(last));
                    if (!text.isBlank()) {
                        snippets.add(new ContextSnippet(NAME, spot.uri(), text, snippets.size()));
                    }
                }
            });
        }
        return snippets;
    }
}
