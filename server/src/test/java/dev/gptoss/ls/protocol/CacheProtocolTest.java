package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.gptoss.ls.Await;
import dev.gptoss.ls.cache.CacheStats;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InlineCompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache layers through the protocol, with the fake backend counting model calls. */
class CacheProtocolTest {
    private static final String URI = "file:///work/cart.py";
    private static final String SUGGESTION = "sum(item.price * item.quantity for item in items)";

    private FakeModelBackend backend;
    private LspSession session;
    private int version = 1;

    @BeforeEach
    void start() throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "raw"));
    }

    @AfterEach
    void stop() {
        session.close();
        backend.close();
    }

    @Test
    void typingFortyCharactersOfTheSuggestionNeedsNoModelCall() throws Exception {
        backend.behavior().answer(SUGGESTION);
        session.open(URI, "python", "def total(items):\n    return \n");
        assertEquals(SUGGESTION, only(session.inline(URI, new Position(1, 11)).get(10, TimeUnit.SECONDS)));

        for (int typed = 1; typed <= 40; typed++) {
            type(new Position(1, 10 + typed), SUGGESTION.substring(typed - 1, typed));
            var items = session.inline(URI, new Position(1, 11 + typed)).get(10, TimeUnit.SECONDS);
            assertEquals(SUGGESTION.substring(typed), only(items), "after typing " + typed + " characters");
        }
        assertEquals(1, backend.requests("/api/generate").size());
        assertEquals(40, session.parts().models().cacheStats().hits(CacheStats.Layer.TYPING_THROUGH));
    }

    @Test
    void aCallThatHasStreamedNothingWhenAKeyComesIsCutAtOnceAndAskedAgain() throws Exception {
        // Ollama serves one request at a time: the next call would wait behind the first.
        backend.behavior().answer(body -> body.path("prompt").asText().contains("return s<CURSOR>")
                ? SUGGESTION.substring(1) : SUGGESTION).firstTokenDelay(Duration.ofMillis(300));
        session.open(URI, "python", "def total(items):\n    return \n");
        var first = session.inlineRequest(URI, new Position(1, 11));
        awaitCalls(1);
        type(new Position(1, 11), "s");
        first.cancel(true);
        var second = session.inline(URI, new Position(1, 12)).get(10, TimeUnit.SECONDS);

        assertEquals(SUGGESTION.substring(1), only(second));
        List<RecordedRequest> calls = backend.requests("/api/generate");
        assertEquals(2, calls.size());
        assertTrue(backend.awaitHangUp(calls.get(0), Duration.ofSeconds(5)), "the first call was left running");
    }

    @Test
    void typingSomethingElseAsksTheModelAgainAndNeverShowsTheOldSuggestion() throws Exception {
        backend.behavior().answer(body -> body.path("prompt").asText().contains("return x<CURSOR>")
                ? "_count + 1" : SUGGESTION);
        session.open(URI, "python", "def total(items):\n    return \n");
        assertEquals(SUGGESTION, only(session.inline(URI, new Position(1, 11)).get(10, TimeUnit.SECONDS)));

        type(new Position(1, 11), "x");
        assertEquals("_count + 1", only(session.inline(URI, new Position(1, 12)).get(10, TimeUnit.SECONDS)));
        assertEquals(2, backend.requests("/api/generate").size());
    }

    @Test
    void theSameRequestTwiceAndTwoAtOnceMakeOneCall() throws Exception {
        backend.behavior().answer(SUGGESTION).serviceTime(Duration.ofMillis(300));
        session.open(URI, "python", "def total(items):\n    return \n");
        var one = session.inline(URI, new Position(1, 11));
        var two = session.inline(URI, new Position(1, 11));
        assertEquals(SUGGESTION, only(one.get(10, TimeUnit.SECONDS)));
        assertEquals(SUGGESTION, only(two.get(10, TimeUnit.SECONDS)));
        assertEquals(SUGGESTION, only(session.inline(URI, new Position(1, 11)).get(10, TimeUnit.SECONDS)));
        assertEquals(1, backend.requests("/api/generate").size());
    }

    @Test
    void afterAnAcceptTheNextSuggestionIsReadyWithoutANewCall() throws Exception {
        backend.behavior().answer(body -> body.path("prompt").asText().contains("compute(1)<CURSOR>")
                ? " + offset" : "compute(1)");
        session.open(URI, "python", "def total(items):\n    return \n");
        InlineCompletionItem item = session.inline(URI, new Position(1, 11)).get(10, TimeUnit.SECONDS).get(0);

        type(new Position(1, 11), "compute(1)");
        session.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                item.getCommand().getCommand(), item.getCommand().getArguments().stream()
                .map(a -> (Object) JsonParser.parseString(new com.google.gson.Gson().toJson(a))).toList()))
                .get(10, TimeUnit.SECONDS);
        awaitFinishedCalls(2);

        assertEquals(" + offset", only(session.inline(URI, new Position(1, 21)).get(10, TimeUnit.SECONDS)));
        assertEquals(2, backend.requests("/api/generate").size());
        assertEquals(1, session.parts().models().cacheStats().hits(CacheStats.Layer.PREFETCH));
        assertEquals(1, session.parts().models().cacheStats().acceptedSuggestions());
    }

    private void awaitCalls(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (backend.requests("/api/generate").size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " model calls, got " + backend.requests("/api/generate"));
            }
            Thread.sleep(5);
        }
    }

    private void awaitFinishedCalls(int count) throws InterruptedException {
        Await.until(count + " finished model calls, each booked by the server", () -> {
            var calls = backend.requests("/api/generate");
            return calls.size() >= count && calls.stream().allMatch(r -> r.completed())
                    && session.parts().models().router().instances().all().stream().allMatch(i -> i.outstanding().get() == 0);
        }, Duration.ofSeconds(10));
    }

    private void type(Position at, String text) {
        version++;
        var change = new TextDocumentContentChangeEvent(new Range(at, at), text);
        session.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, version), List.of(change)));
    }

    private static String only(List<InlineCompletionItem> items) {
        assertEquals(1, items.size(), "suggestions: " + items);
        assertTrue(items.get(0).getCommand() != null, "items carry the accept command");
        return items.get(0).getInsertText().getLeft();
    }
}
