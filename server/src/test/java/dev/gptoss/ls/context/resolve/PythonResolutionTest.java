package dev.gptoss.ls.context.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gptoss.ls.context.ContextSnippet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python: relative and absolute imports, aliases, a package's re-exports, {@code self.x = Class(...)}. */
class PythonResolutionTest {
    @TempDir
    Path root;

    @Test
    void anAttributeMadeInInitComesThroughARelativeImport() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "shop/orders/service.py", Map.of(
                "shop/orders/service.py", """
                        from .http import Client


                        class OrderService:
                            def __init__(self, url):
                                self.client = Client(url, timeout=3)

                            def place(self, order):
                                return self.client.|
                        """,
                "shop/orders/http.py", """
                        class Client:
                            \"\"\"Talks to the order API.\"\"\"

                            def post(self, path, body):
                                return self._send("POST", path, body)

                            def _send(self, method, path, body):
                                pass
                        """,
                "shop/billing/http.py", "class Client:\n    def charge(self, amount):\n        pass\n"))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("shop/orders/http.py", ws.paths(snippets).get(0));
            assertTrue(snippets.get(0).text().contains("def post(self, path, body)"), snippets.get(0).text());
            assertFalse(ws.paths(snippets).contains("shop/billing/http.py"));
        }
    }

    @Test
    void anAliasedNameReExportedByAPackage() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "app/main.py", Map.of(
                "app/main.py", """
                        from store import Session as DbSession


                        def handle(session: DbSession, key):
                            return session.|
                        """,
                "store/__init__.py", "from .session import Session\n\n__all__ = [\"Session\"]\n",
                "store/session.py", "class Session:\n    def get(self, key):\n        pass\n",
                "web/session.py", "class Session:\n    def cookie(self):\n        pass\n"))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("store/session.py", ws.paths(snippets).get(0));
            assertFalse(ws.paths(snippets).contains("web/session.py"));
        }
    }

    @Test
    void aModuleAliasAndALocalMadeFromIt() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "app/report.py", Map.of(
                "app/report.py", """
                        import app.models as m


                        def render():
                            invoice = m.Invoice()
                            invoice.|
                        """,
                "app/__init__.py", "",
                "app/models.py", "class Invoice:\n    def total(self):\n        return 0\n",
                "legacy/models.py", "class Invoice:\n    def old_total(self):\n        return 0\n"))) {
            assertEquals("app/models.py", ws.paths(ws.definitions()).get(0));
        }
    }

    @Test
    void aDottedImportReachesTheClassThroughItsSubmodule() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "app/draw.py", Map.of(
                "app/draw.py", """
                        import geo.shapes


                        def draw():
                            circle = geo.shapes.Circle(2)
                            circle.|
                        """,
                "geo/__init__.py", "",
                "geo/shapes.py", "class Circle:\n    def area(self):\n        return 0\n",
                "app/shapes.py", "class Circle:\n    def radius(self):\n        return 0\n"))) {
            assertEquals("geo/shapes.py", ws.paths(ws.definitions()).get(0));
        }
    }

    @Test
    void aNameOnTheCursorLineFromAnAbsoluteImport() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "pkg/cli.py", Map.of(
                "pkg/cli.py", """
                        from pkg.util.paths import normalize


                        def main(argv):
                            return normalize(|)
                        """,
                "pkg/util/paths.py", "def normalize(path, strict=False):\n    \"\"\"Resolves dots.\"\"\"\n    return path\n",
                "other/paths.py", "def normalize(value):\n    return value\n"))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals(List.of("pkg/util/paths.py"), ws.paths(snippets));
            assertTrue(snippets.get(0).text().contains("def normalize(path, strict=False)"));
        }
    }

    @Test
    void aGuessNeverComesFromAnotherLanguage() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "app/main.py", Map.of(
                "app/main.py", "def main(widget):\n    return render_widget(|)\n",
                "web/render.js", "export function render_widget(w) {\n  return w;\n}\n",
                "app/render.py", "def render_widget(widget, width=80):\n    pass\n"))) {
            assertEquals(List.of("app/render.py"), ws.paths(ws.definitions()));
        }
    }
}
