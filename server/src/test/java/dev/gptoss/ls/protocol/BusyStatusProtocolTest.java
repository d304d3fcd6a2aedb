package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import dev.gptoss.ls.Await;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.InlineCompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The "busy" of {@code gptoss/status}: a spinner for a wait the user notices, not a flicker at every key. */
class BusyStatusProtocolTest {
    private static final String URI = "file:///work/busy.py";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeModelBackend backend;
    private LspSession session;

    @AfterEach
    void stop() {
        LspSession.closeAll(session, backend);
    }

    @Test
    void typingShowsBusyOnceAndIdleOnceInsteadOfAtEveryKey() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "raw"));
        session.client.awaitStatus(s -> state(s).equals("ready"), WAIT);
        backend.behavior().answer("total").serviceTime(Duration.ofMillis(600));
        String line = "def add(a, b):\n    return ";
        session.open(URI, "python", line + "\n");
        int before = session.client.statuses.size();

        CompletableFuture<Either<List<InlineCompletionItem>, InlineCompletionList>> previous = null;
        String typed = "a_plus_b_plus_c";
        for (int i = 0; i < typed.length(); i++) {
            Thread.sleep(30);
            session.changeWhole(URI, line + typed.substring(0, i + 1) + "\n");
            if (previous != null) {
                previous.cancel(true);
            }
            previous = session.inlineRequest(URI, new Position(1, "    return ".length() + i + 1));
        }
        assertEquals("total", previous.get(10, TimeUnit.SECONDS).getRight().getItems().get(0).getInsertText().getLeft());
        Await.until("busy, then idle again", () -> busyFlags(before).size() >= 2, WAIT);
        // What is asserted is that nothing more comes: give a further change the time it would need.
        Thread.sleep(2 * StatusPublisher.BUSY_SETTLE_MS);
        assertEquals(List.of(true, false), busyFlags(before), "busy while the user waits, idle after: "
                + session.client.statuses.subList(before, session.client.statuses.size()));
    }

    /** The busy flag of each status after the first {@code before}, repeats left out. */
    private List<Boolean> busyFlags(int before) {
        var busyFlags = new ArrayList<Boolean>();
        for (JsonElement status : session.client.statuses.subList(before, session.client.statuses.size())) {
            if (busyFlags.isEmpty() || busyFlags.get(busyFlags.size() - 1) != busy(status) > 0) {
                busyFlags.add(busy(status) > 0);
            }
        }
        return busyFlags;
    }

    private static String state(JsonElement status) {
        return status.getAsJsonObject().get("state").getAsString();
    }

    private static int busy(JsonElement status) {
        return status.getAsJsonObject().get("busy").getAsInt();
    }
}
