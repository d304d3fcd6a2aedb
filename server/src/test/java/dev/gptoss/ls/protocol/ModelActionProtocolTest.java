package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
import dev.gptoss.ls.CapturedLog;
import dev.gptoss.ls.actions.LukhasWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowDocumentCapabilities;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceEditChangeAnnotationSupportCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GPT-OSS code actions as a user meets them, through real JSON-RPC against the fake model server,
 * on LUKHAS's gateway.py: what reaches the file whatever shape the answer has, the preview, asking
 * again, failures that say what happened, typing while the model writes, and Explain's files.
 */
class ModelActionProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String GATEWAY = "file:///lukhas/python/gateway.py";
    private static final String TEXT = LukhasWorkspace.read("python/gateway.py");
    private static final int GENERATE = TEXT.lines().toList().indexOf("    async def generate(self, request: dict) -> dict:");
    private static final Range BARE_EXCEPT = new Range(new Position(GENERATE + 7, 8), new Position(GENERATE + 7, 15));
    private static final String FIXED_EXCEPT = "        except Exception as e:\n            logger.exception(\"model call failed\")\n";
    private static final String EXPECTED = TEXT.replace("        except:\n", FIXED_EXCEPT);

    private final List<FakeModelBackend> backends = new ArrayList<>();
    private LspSession session;

    @AfterEach
    void stop() {
        LspSession.closeAll(session);
        backends.forEach(FakeModelBackend::close);
    }

    @Test
    void everyShapeOfTheRightAnswerLandsAsTheFix() throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        String region = regionOf(TEXT);
        String fixed = region.replace("        except:\n", FIXED_EXCEPT);
        var shapes = Map.of(
                "fenced", "```python\n" + fixed + "\n```",
                "unfenced", fixed,
                "dedented by a level", "```python\n" + fixed.replaceAll("(?m)^    ", "") + "\n```",
                "whole file", "```python\n" + EXPECTED + "```",
                "before and after", "Before:\n```python\n" + region + "\n```\nAfter:\n```python\n" + fixed + "\n```",
                "prose around bare code", "Here is the fix:\n\n" + fixed + "\n\nIt logs the failure.");
        session.open(GATEWAY, "python", TEXT);
        for (var shape : shapes.entrySet()) {
            backend.behavior().answer(shape.getValue());
            CodeAction resolved = resolve(fix());
            assertEquals(EXPECTED, applied(TEXT, resolved.getEdit(), 1), shape.getKey());
        }
    }

    @Test
    void theModelsEditIsVersionedAndAskedAboutBeforeItApplies() throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        backend.behavior().answer(body -> "```python\n" + CodeActionTexts.regionOf(body).replace("        except:\n", FIXED_EXCEPT) + "\n```");
        session.open(GATEWAY, "python", TEXT);

        WorkspaceEdit edit = resolve(fix()).getEdit();

        assertTrue(edit.getChanges() == null || edit.getChanges().isEmpty(), "no changes beside documentChanges");
        TextDocumentEdit document = edit.getDocumentChanges().get(0).getLeft();
        assertEquals(1, document.getTextDocument().getVersion());
        assertEquals(1, document.getEdits().size(), "only the changed lines, not the whole method");
        TextEdit only = document.getEdits().get(0).getLeft();
        assertEquals(new Range(new Position(GENERATE + 7, 0), new Position(GENERATE + 7, 15)), only.getRange());
        assertEquals(1, edit.getChangeAnnotations().size());
        var annotation = edit.getChangeAnnotations().values().iterator().next();
        assertTrue(annotation.getNeedsConfirmation());
        assertTrue(annotation.getDescription().contains("gpt-oss:20b"), annotation.getDescription());
    }

    @Test
    void anEditorWithoutDocumentChangesGetsAChangesMapWithoutAnnotations() throws Exception {
        FakeModelBackend backend = start(capabilities(false, false));
        backend.behavior().answer(body -> CodeActionTexts.regionOf(body).replace("        except:\n", FIXED_EXCEPT));
        session.open(GATEWAY, "python", TEXT);

        WorkspaceEdit edit = resolve(fix()).getEdit();

        assertNull(edit.getDocumentChanges());
        assertNull(edit.getChangeAnnotations());
        assertEquals(EXPECTED, applied(TEXT, edit, 1));
    }

    @Test
    void anAnswerThatDoesNotParseIsDeclinedAndAskingAgainIsANewCallAtAnotherTemperature() throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        backend.behavior().answer(body -> {
            String fixed = CodeActionTexts.regionOf(body).replace("        except:\n", FIXED_EXCEPT);
            return body.path("options").path("temperature").asDouble() < 0.3
                    ? "```python\n" + fixed.replace("            result = await", "        result = await") + "\n```"
                    : "```python\n" + fixed + "\n```";
        });
        session.open(GATEWAY, "python", TEXT);

        assertNull(resolve(fix()).getEdit());
        MessageParams declined = session.client.awaitMessageContaining("does not parse", WAIT);
        assertTrue(declined.getMessage().contains("Choose the action again"), declined.getMessage());
        CodeAction again = resolve(fix());

        assertEquals(EXPECTED, applied(TEXT, again.getEdit(), 1));
        List<RecordedRequest> calls = backend.requests("/api/chat");
        assertEquals(2, calls.size(), "the declined answer was not served from a cache");
        assertTrue(calls.get(1).json().path("options").path("temperature").asDouble()
                > calls.get(0).json().path("options").path("temperature").asDouble());
    }

    @Test
    void progressNamesTheModelThatAnsweredAfterAFallbackAndEndsWithTheOutcome() throws Exception {
        FakeModelBackend big = FakeModelBackend.start(Flavor.OLLAMA);
        FakeModelBackend small = FakeModelBackend.start(Flavor.OLLAMA);
        backends.add(big);
        backends.add(small);
        big.behavior().models("gpt-oss:120b").failWithStatus(500, "CUDA out of memory");
        small.behavior().answer("```python\nasync def generate(self, request: dict) -> dict:\n    pass\n```");
        session = new LspSession();
        session.initialize("""
                {"endpoints": [{"name": "big", "url": "%s", "api": "ollama", "promptMode": "chat"},
                               {"name": "small", "url": "%s", "api": "ollama", "promptMode": "chat"}],
                 "tiers": {"fast": [{"endpoint": "small", "model": "gpt-oss:20b"}],
                           "strong": [{"endpoint": "big", "model": "gpt-oss:120b"}]},
                 "health": {"intervalMs": 200}}""".formatted(big.url(), small.url()), capabilities(true, true), null);
        session.open(GATEWAY, "python", TEXT);

        assertNotNull(resolve(fix()).getEdit());

        List<String> reports = progressMessages(0);
        assertEquals(List.of("Asking gpt-oss:120b on big (strong tier)",
                "gpt-oss:120b on big (strong tier) did not answer; asking gpt-oss:20b on small (fast tier)"),
                reports.stream().filter(m -> m.contains("sking")).toList());
        assertEquals("Edit ready (1 change), from gpt-oss:20b on small (fast tier)", progressEnd(0));

        small.behavior().answer("I would not change anything here.");
        assertNull(resolve(fix("Do not catch everything")).getEdit());
        assertTrue(progressEnd(1).startsWith("Nothing to apply: GPT-OSS gave no code for this action; the answer came"
                + " from gpt-oss:20b on small (fast tier)"), progressEnd(1));
    }

    @Test
    void aModelServerThatJustDiedGivesOneMessageSayingWhatToDo() throws Exception {
        fixWithTheModelServerStopped(false);
    }

    @Test
    void aModelServerKnownToBeOfflineGivesOneMessageSayingWhatToDo() throws Exception {
        fixWithTheModelServerStopped(true);
    }

    /** "Fix with GPT-OSS" once the model server stopped, before or after a probe found it gone. */
    private void fixWithTheModelServerStopped(boolean probedOffline) throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        session.open(GATEWAY, "python", TEXT);
        CodeAction fix = fix();
        backend.close();
        if (probedOffline) {
            session.client.awaitStatus(s -> s.toString().contains("offline"), WAIT);
        }

        try (var log = CapturedLog.of(CodeActionHandler.class)) {
            assertNull(resolve(fix).getEdit());

            MessageParams message = session.client.awaitMessageContaining("Fix with GPT-OSS", WAIT);
            assertTrue(message.getMessage().contains("cannot be reached"), message.getMessage());
            assertTrue(message.getMessage().contains("Start the model server"), message.getMessage());
            assertTrue(progressEnd(0).startsWith("Failed: "), progressEnd(0));
            assertEquals(1, session.client.messages.stream().filter(m -> m.getMessage().contains("GPT-OSS")).count(),
                    session.client.messages.toString());
            assertEquals(1, log.messages().size());
        }
    }

    @Test
    void aStreamThatBreaksOffSaysSoAndSaysToAskAgain() throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        backend.behavior().answer("```python\n" + regionOf(TEXT) + "\n```").dropAfterChunks(3);
        session.open(GATEWAY, "python", TEXT);

        try (var log = CapturedLog.of(CodeActionHandler.class)) {
            assertNull(resolve(fix()).getEdit());

            MessageParams message = session.client.awaitMessage(WAIT);
            assertTrue(message.getMessage().contains("broke off"), message.getMessage());
            assertTrue(message.getMessage().contains("Ask again"), message.getMessage());
        }
    }

    @Test
    void typingOutsideTheRegionKeepsTheCallAndTheEditLandsOnTheNewVersion() throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        var release = new CountDownLatch(1);
        backend.behavior().answer(body -> {
            await(release);
            return "```python\n" + CodeActionTexts.regionOf(body).replace("        except:\n", FIXED_EXCEPT) + "\n```";
        });
        session.open(GATEWAY, "python", TEXT);
        var pending = session.server.getTextDocumentService().resolveCodeAction(fix());
        awaitRequest(backend);

        int version = session.change(GATEWAY, new Range(new Position(0, 0), new Position(0, 0)), "# edited while waiting\n");
        String now = "# edited while waiting\n" + TEXT + "# and below, by an editor that sends the whole text\n";
        session.changeWhole(GATEWAY, now);
        session.server.status().get(10, TimeUnit.SECONDS);
        release.countDown();

        WorkspaceEdit edit = pending.get(10, TimeUnit.SECONDS).getEdit();
        assertNotNull(edit, session.client.messages.toString());
        assertEquals("# edited while waiting\n" + EXPECTED + "# and below, by an editor that sends the whole text\n",
                applied(now, edit, version + 1));
        assertEquals(List.of(), session.client.messages);
        assertEquals(1, backend.requests("/api/chat").size());
        assertEquals("Edit ready (1 change), from gpt-oss:20b on fake (strong tier)", progressEnd(0));
    }

    @Test
    void typingInsideTheRegionStopsTheCallAndSaysWhy() throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        backend.behavior().firstTokenDelay(Duration.ofSeconds(8));
        session.open(GATEWAY, "python", TEXT);
        var pending = session.server.getTextDocumentService().resolveCodeAction(fix());
        RecordedRequest call = awaitRequest(backend);

        session.change(GATEWAY, new Range(new Position(GENERATE + 1, 8), new Position(GENERATE + 1, 8)), "cache_");

        assertNull(pending.get(10, TimeUnit.SECONDS).getEdit());
        assertTrue(backend.awaitHangUp(call, WAIT), "the model call is aborted");
        assertTrue(session.client.awaitMessage(WAIT).getMessage().contains("code GPT-OSS was rewriting changed"));
        assertEquals("Stopped: the code being rewritten changed", progressEnd(0));
    }

    @Test
    void explainWritesOneFileInTheUserCachePerDocumentAndRangeAndNamesTheRange() throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        backend.behavior().answer(body -> "It generates an answer (" + body.path("messages").get(1).path("content")
                .asText().lines().filter(l -> l.startsWith("File: ")).findFirst().orElseThrow() + ").");
        String other = "file:///elsewhere/python/gateway.py";
        session.open(GATEWAY, "python", TEXT);
        session.open(other, "python", TEXT);

        resolve(explain(GATEWAY));
        resolve(explain(other));

        awaitTrue(() -> session.client.shownDocuments.size() == 2);
        Path explanations = session.userCacheDirectory().resolve("explanations");
        List<Path> files;
        try (Stream<Path> listed = Files.list(explanations)) {
            files = listed.sorted(Comparator.comparing(Path::toString)).toList();
        }
        assertEquals(2, files.size(), files.toString());
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.matches("gateway\\.py-[0-9a-f]{8}-L" + (GENERATE + 1) + "-L" + (GENERATE + 13) + "\\.md"), name);
            String markdown = Files.readString(file);
            assertTrue(markdown.startsWith("# gateway.py, lines " + (GENERATE + 1) + "–" + (GENERATE + 13) + "\n"), markdown);
        }
        assertTrue(Files.readString(files.get(0)).contains("/lukhas/") != Files.readString(files.get(1)).contains("/lukhas/"),
                "each file holds its own document's explanation");
    }

    @Test
    void anEmptyExplanationGivesAMessageInsteadOfAnEmptyTab() throws Exception {
        FakeModelBackend backend = start(capabilities(true, true));
        backend.behavior().answer("  \n");
        session.open(GATEWAY, "python", TEXT);

        resolve(explain(GATEWAY));

        assertTrue(session.client.awaitMessage(WAIT).getMessage().contains("empty explanation"));
        assertEquals(List.of(), session.client.shownDocuments);
        assertTrue(progressEnd(0).startsWith("Nothing to apply"), progressEnd(0));
    }

    private FakeModelBackend start(ClientCapabilities capabilities) throws Exception {
        FakeModelBackend backend = FakeModelBackend.start(Flavor.OLLAMA);
        backends.add(backend);
        session = new LspSession();
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "chat"), capabilities, null);
        return backend;
    }

    private static ClientCapabilities capabilities(boolean documentChanges, boolean annotations) {
        var capabilities = new ClientCapabilities();
        var window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        window.setShowDocument(new ShowDocumentCapabilities(true));
        capabilities.setWindow(window);
        var edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(documentChanges);
        if (annotations) {
            edits.setChangeAnnotationSupport(new WorkspaceEditChangeAnnotationSupportCapabilities(true));
        }
        var workspace = new WorkspaceClientCapabilities();
        workspace.setWorkspaceEdit(edits);
        capabilities.setWorkspace(workspace);
        return capabilities;
    }

    private CodeAction fix() throws Exception {
        return fix("Do not use bare except");
    }

    /** "Fix with GPT-OSS" for a linter's diagnostic on the bare except. */
    private CodeAction fix(String message) throws Exception {
        var diagnostic = new org.eclipse.lsp4j.Diagnostic(BARE_EXCEPT, message,
                org.eclipse.lsp4j.DiagnosticSeverity.Warning, "ruff", "E722");
        return actions(GATEWAY, BARE_EXCEPT, new CodeActionContext(List.of(diagnostic))).stream()
                .filter(a -> a.getTitle().startsWith("Fix with GPT-OSS: " + message)).findFirst().orElseThrow();
    }

    private CodeAction explain(String uri) throws Exception {
        Range line = new Range(new Position(GENERATE + 1, 0), new Position(GENERATE + 1, 0));
        return actions(uri, line, new CodeActionContext(List.of())).stream()
                .filter(a -> a.getTitle().equals("Explain with GPT-OSS")).findFirst().orElseThrow();
    }

    private List<CodeAction> actions(String uri, Range range, CodeActionContext context) throws Exception {
        return session.server.getTextDocumentService()
                .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, context))
                .get(10, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
    }

    private CodeAction resolve(CodeAction action) throws Exception {
        int ended = ends();
        CodeAction resolved = session.server.getTextDocumentService().resolveCodeAction(action).get(10, TimeUnit.SECONDS);
        // Progress goes out on another thread than the answer: wait for this resolve's end.
        awaitTrue(() -> ends() > ended);
        return resolved;
    }

    private int ends() {
        return (int) session.client.progress.stream().filter(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd)
                .count();
    }

    /** The report messages of the n-th resolve's progress. */
    private List<String> progressMessages(int n) throws InterruptedException {
        String token = token(n);
        return notifications(token).stream().filter(v -> v instanceof WorkDoneProgressReport)
                .map(v -> ((WorkDoneProgressReport) v).getMessage()).toList();
    }

    /** The end message of the n-th resolve's progress, once it has ended. */
    private String progressEnd(int n) throws InterruptedException {
        String token = token(n);
        awaitTrue(() -> notifications(token).stream().anyMatch(v -> v instanceof WorkDoneProgressEnd));
        return notifications(token).stream().filter(v -> v instanceof WorkDoneProgressEnd)
                .map(v -> ((WorkDoneProgressEnd) v).getMessage()).findFirst().orElseThrow();
    }

    private String token(int n) throws InterruptedException {
        awaitTrue(() -> session.client.progressTokensCreated.size() > n);
        return session.client.progressTokensCreated.get(n);
    }

    private List<WorkDoneProgressNotification> notifications(String token) {
        return session.client.progress.stream().filter(p -> p.getToken().getLeft().equals(token))
                .map(p -> p.getValue().getLeft()).toList();
    }

    private RecordedRequest awaitRequest(FakeModelBackend backend) throws InterruptedException {
        awaitTrue(() -> !backend.requests("/api/chat").isEmpty());
        return backend.requests("/api/chat").get(0);
    }

    /** The method {@code generate} of a gateway.py text, as the region the server sends. */
    private static String regionOf(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(GENERATE, GENERATE + 13));
    }

    /** The text after a workspace edit, checking that it was made for {@code version}. */
    private static String applied(String text, WorkspaceEdit edit, int version) {
        List<TextEdit> edits;
        if (edit.getDocumentChanges() != null) {
            TextDocumentEdit document = edit.getDocumentChanges().get(0).getLeft();
            assertEquals(version, document.getTextDocument().getVersion());
            edits = document.getEdits().stream().map(Either::getLeft).toList();
        } else {
            edits = edit.getChanges().get(GATEWAY);
        }
        return CodeActionTexts.applied(text, edits);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + WAIT);
            }
            Thread.sleep(10);
        }
    }
}
