package dev.gptoss.ls.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gptoss.ls.Await;
import dev.gptoss.ls.actions.LukhasWorkspace;
import dev.gptoss.fake.FakeModelBackend;
import dev.gptoss.fake.Flavor;
import dev.gptoss.fake.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowDocumentCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LUKHAS pattern diagnostics and code actions through real JSON-RPC, with the fake backend as the strong tier. */
class CodeActionProtocolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String GATEWAY = "file:///lukhas/python/gateway.py";

    private FakeModelBackend backend;
    private LspSession session;

    @AfterEach
    void stop() {
        LspSession.closeAll(session, backend);
    }

    @Test
    void everyBuiltInPatternIsPublishedAtItsRangeAndCleanFilesGetNone() throws Exception {
        start(false, null);
        for (String file : LukhasWorkspace.sourceFiles()) {
            session.open("file:///lukhas/" + file, LukhasWorkspace.languageOf(file), LukhasWorkspace.read(file));
        }
        var published = new ArrayList<String>();
        for (String file : LukhasWorkspace.sourceFiles()) {
            PublishDiagnosticsParams params = session.client.awaitDiagnostics("file:///lukhas/" + file,
                    p -> p.getVersion() != null && p.getVersion() == 1, WAIT);
            for (Diagnostic d : params.getDiagnostics()) {
                published.add(file + " " + d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter()
                        + "-" + d.getRange().getEnd().getLine() + ":" + d.getRange().getEnd().getCharacter()
                        + " " + d.getCode().getLeft());
                assertEquals("gptoss-ls", d.getSource());
                assertTrue(d.getCodeDescription().getHref().endsWith("patterns.md#" + d.getCode().getLeft().replace('/', '-')),
                        d.getCodeDescription().getHref());
            }
            if (file.substring(file.lastIndexOf('/') + 1).toLowerCase().startsWith("clean")) {
                assertEquals(List.of(), params.getDiagnostics(), file);
            }
        }
        assertEquals(resourceLines("/lukhas/expected-findings.txt"), published);
    }

    @Test
    void eachDeterministicFixGivesTheGoldenText() throws Exception {
        start(false, null);
        Path golden = Path.of("src", "test", "resources", "golden");
        List<Path> befores;
        try (Stream<Path> files = Files.walk(golden)) {
            befores = files.filter(p -> p.getFileName().toString().startsWith("before.")).sorted().toList();
        }
        assertEquals(10, befores.size());
        for (Path before : befores) {
            String patternId = golden.relativize(before.getParent()).toString().replace('\\', '/');
            String extension = before.getFileName().toString().substring("before.".length());
            String uri = "file:///golden/" + patternId + "/before." + extension;
            String text = Files.readString(before);
            session.open(uri, LukhasWorkspace.languageOf(uri), text);
            for (int round = 0; round < 10; round++) {
                Optional<CodeAction> fix = codeActions(uri, wholeText(text), List.of(), List.of("quickfix")).stream()
                        .filter(a -> a.getEdit() != null && a.getDiagnostics() != null
                                && a.getDiagnostics().get(0).getCode().getLeft().equals(patternId)).findFirst();
                if (fix.isEmpty()) {
                    break;
                }
                text = CodeActionTexts.applied(text, fix.get().getEdit().getChanges().get(uri));
                session.changeWhole(uri, text);
            }
            assertEquals(Files.readString(before.resolveSibling("after." + extension)), text, before.toString());
        }
        assertEquals(0, backend.requests("/api/chat").size(), "quick fixes never ask the model");
    }

    @Test
    void fixWithGptOssResolvesToTheModelsEditWithProgress() throws Exception {
        start(true, null);
        backend.behavior().answer(body -> "Here is the fix:\n```python\n"
                + CodeActionTexts.regionOf(body).replace("except:", "except Exception as e:") + "\n```\n");
        String text = LukhasWorkspace.read("python/gateway.py");
        session.open(GATEWAY, "python", text);
        var other = new Diagnostic(new Range(new Position(38, 8), new Position(38, 15)), "Do not use bare except",
                org.eclipse.lsp4j.DiagnosticSeverity.Warning, "ruff", "E722");

        List<CodeAction> offered = codeActions(GATEWAY, other.getRange(), List.of(other), List.of());
        CodeAction fix = offered.stream().filter(a -> a.getTitle().startsWith("Fix with GPT-OSS: Do not use bare except"))
                .findFirst().orElseThrow();
        assertNull(fix.getEdit(), "listing actions never calls the model");
        assertEquals(0, backend.requests("/api/chat").size());
        assertTrue(offered.stream().anyMatch(a -> a.getTitle().equals("Explain with GPT-OSS")));
        assertTrue(offered.stream().anyMatch(a -> a.getTitle().startsWith("Catch Exception as e and log it")));

        CodeAction resolved = session.server.getTextDocumentService().resolveCodeAction(fix).get(10, TimeUnit.SECONDS);

        String after = CodeActionTexts.applied(text, resolved.getEdit().getChanges().get(GATEWAY));
        assertEquals(text.replace("        except:\n", "        except Exception as e:\n"), after);
        JsonNode chat = backend.requests("/api/chat").get(0).json();
        assertTrue(chat.path("messages").get(1).path("content").asText().contains("Do not use bare except"));
        // The progress messages and the resolve's answer come from different threads of the server.
        awaitTrue(() -> !session.client.progressTokensCreated.isEmpty());
        String token = session.client.progressTokensCreated.get(0);
        awaitTrue(() -> session.client.progressKinds(token).contains("end"));
        List<String> kinds = session.client.progressKinds(token);
        assertEquals("begin", kinds.get(0));
        assertEquals("end", kinds.get(kinds.size() - 1));
    }

    @Test
    void aModelEditThatDoesNotParseIsNotOffered() throws Exception {
        start(false, null);
        backend.behavior().answer("```python\nasync def generate(self, request: dict) -> dict:\n    return {(\n```");
        session.open(GATEWAY, "python", LukhasWorkspace.read("python/gateway.py"));
        CodeAction pattern = codeActions(GATEWAY, line(37), List.of(), List.of("quickfix")).stream()
                .filter(a -> a.getTitle().equals("Apply LUKHAS pattern lukhas/unguarded-model-call with GPT-OSS"))
                .findFirst().orElseThrow();

        CodeAction resolved = session.server.getTextDocumentService().resolveCodeAction(pattern).get(10, TimeUnit.SECONDS);

        assertNull(resolved.getEdit());
        MessageParams message = session.client.awaitMessage(WAIT);
        assertTrue(message.getMessage().contains("does not parse"), message.getMessage());
        String prompt = backend.requests("/api/chat").get(0).json().path("messages").get(1).path("content").asText();
        assertTrue(prompt.contains("circuit breaker"), prompt);
    }

    @Test
    void cancellingTheResolveAbortsTheModelRequest() throws Exception {
        start(true, null);
        backend.behavior().firstTokenDelay(Duration.ofSeconds(8));
        session.open(GATEWAY, "python", LukhasWorkspace.read("python/gateway.py"));
        CodeAction docstring = codeActions(GATEWAY, line(33), List.of(), List.of("refactor")).stream()
                .filter(a -> a.getTitle().equals("Add docstring with GPT-OSS")).findFirst().orElseThrow();

        var pending = session.server.getTextDocumentService().resolveCodeAction(docstring);
        RecordedRequest request = awaitRequest("/api/chat");
        pending.cancel(true);

        assertTrue(backend.awaitHangUp(request, WAIT), "the backend should see the client hang up");
        awaitTrue(() -> !session.client.progressTokensCreated.isEmpty());
        String token = session.client.progressTokensCreated.get(0);
        awaitTrue(() -> session.client.progressKinds(token).contains("end"));
    }

    @Test
    void aNewerVersionDuringResolveGivesNoEditAndSaysWhy() throws Exception {
        start(false, null);
        backend.behavior().firstTokenDelay(Duration.ofSeconds(8));
        String text = LukhasWorkspace.read("python/gateway.py");
        session.open(GATEWAY, "python", text);
        CodeAction explain = codeActions(GATEWAY, line(33), List.of(), List.of()).stream()
                .filter(a -> a.getTitle().equals("Explain with GPT-OSS")).findFirst().orElseThrow();

        var pending = session.server.getTextDocumentService().resolveCodeAction(explain);
        RecordedRequest request = awaitRequest("/api/chat");
        session.changeWhole(GATEWAY, text.replace("key = self._cache_key(request)", "key = self._cache_key(request)  # typed"));

        assertNull(pending.get(10, TimeUnit.SECONDS).getEdit());
        assertTrue(session.client.awaitMessage(WAIT).getMessage().contains("changed"));
        assertTrue(backend.awaitHangUp(request, WAIT));
    }

    @Test
    void explainOpensTheModelsMarkdown() throws Exception {
        start(false, null);
        backend.behavior().answer("This **generates** an answer, caching it by request.");
        session.open(GATEWAY, "python", LukhasWorkspace.read("python/gateway.py"));
        CodeAction explain = codeActions(GATEWAY, line(33), List.of(), List.of()).stream()
                .filter(a -> a.getTitle().equals("Explain with GPT-OSS")).findFirst().orElseThrow();

        session.server.getTextDocumentService().resolveCodeAction(explain).get(10, TimeUnit.SECONDS);

        awaitTrue(() -> !session.client.shownDocuments.isEmpty());
        Path shown = Path.of(java.net.URI.create(session.client.shownDocuments.get(0).getUri()));
        assertTrue(Files.readString(shown).contains("This **generates** an answer"));
        assertTrue(shown.toString().endsWith(".md"));
    }

    @Test
    void aWorkspacePatternWorksAndABrokenOneIsShownOnTheCatalogFile(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve(".lukhas"));
        Path catalog = root.resolve(".lukhas/patterns.json");
        Files.writeString(catalog, """
                {"patterns": [
                  {"id": "acme/print-in-service", "message": "Use the logger, not print", "severity": "hint",
                   "languages": {"python": [{"query": "((call function: (identifier) @hit) (#eq? @hit \\"print\\"))",
                     "fix": {"title": "Use logger.info", "edits": [{"replace": "hit", "with": "logger.info"}]}}]}},
                  {"id": "acme/broken", "message": "m", "languages": {"python": [{"query": "(call (identifer))"}]}}
                ]}""");
        start(false, root.toUri().toString());

        MessageParams message = session.client.awaitMessage(WAIT);
        assertEquals(MessageType.Warning, message.getType());
        assertTrue(message.getMessage().contains("acme/broken"), message.getMessage());
        PublishDiagnosticsParams onCatalog = session.client.awaitDiagnostics(catalog.toUri().toString(),
                p -> !p.getDiagnostics().isEmpty(), WAIT);
        Diagnostic problem = onCatalog.getDiagnostics().get(0);
        assertEquals("lukhas/catalog", problem.getCode().getLeft());
        assertEquals(org.eclipse.lsp4j.DiagnosticSeverity.Error, problem.getSeverity());
        assertEquals(new Position(4, 83), problem.getRange().getStart(), "at the unknown node type");
        String uri = root.resolve("service.py").toUri().toString();
        session.open(uri, "python", "def handle(x):\n    print(x)\n    try:\n        pass\n    except:\n        return 1\n");
        PublishDiagnosticsParams diagnostics = session.client.awaitDiagnostics(uri, p -> !p.getDiagnostics().isEmpty(), WAIT);
        assertEquals(List.of("acme/print-in-service", "lukhas/bare-except"),
                diagnostics.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList());
        assertEquals(1, session.client.messages.size(), "only the broken entry is reported");

        Files.writeString(catalog, "{\"patterns\": []}");
        session.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(
                new TextDocumentIdentifier(catalog.toUri().toString())));
        PublishDiagnosticsParams reloaded = session.client.awaitDiagnostics(uri, p -> p.getDiagnostics().size() == 1, WAIT);
        assertEquals("lukhas/bare-except", reloaded.getDiagnostics().get(0).getCode().getLeft());
        session.client.awaitDiagnostics(catalog.toUri().toString(), p -> p.getDiagnostics().isEmpty(), WAIT);
    }

    private void start(boolean progress, String rootUri) throws Exception {
        backend = FakeModelBackend.start(Flavor.OLLAMA);
        session = new LspSession();
        var capabilities = new ClientCapabilities();
        var window = new WindowClientCapabilities();
        window.setWorkDoneProgress(progress);
        window.setShowDocument(new ShowDocumentCapabilities(true));
        capabilities.setWindow(window);
        session.initialize(LspSession.settingsFor(backend.url(), "ollama", "chat"), capabilities, rootUri);
    }

    private List<CodeAction> codeActions(String uri, Range range, List<Diagnostic> diagnostics, List<String> only)
            throws Exception {
        var context = new CodeActionContext(diagnostics);
        if (!only.isEmpty()) {
            context.setOnly(only);
        }
        return session.server.getTextDocumentService()
                .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, context))
                .get(10, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
    }

    private static Range line(int line) {
        return new Range(new Position(line, 0), new Position(line, 0));
    }

    private static Range wholeText(String text) {
        return new Range(new Position(0, 0), new Position(text.split("\n", -1).length, 0));
    }

    private RecordedRequest awaitRequest(String path) throws InterruptedException {
        awaitTrue(() -> !backend.requests(path).isEmpty());
        return backend.requests(path).get(0);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        Await.until("the condition of this test", condition, WAIT);
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = CodeActionProtocolTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
