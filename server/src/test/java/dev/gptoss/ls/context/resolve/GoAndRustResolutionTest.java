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

/** Go: package directories under the go.mod module; Rust: use paths, modules, self's fields. */
class GoAndRustResolutionTest {
    @TempDir
    Path root;

    @Test
    void goAFieldOfTheMethodsReceiverFromAnImportedPackage() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "server/server.go", Map.of(
                "go.mod", "module example.com/shop\n\ngo 1.22\n",
                "server/server.go", """
                        package server

                        import (
                        	"net/http"

                        	"example.com/shop/storage"
                        )

                        type Server struct {
                        	store *storage.Store
                        }

                        func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {
                        	s.store.|
                        }
                        """,
                "storage/store.go", """
                        package storage

                        // Store keeps orders.
                        type Store struct {
                        	path string
                        }

                        func (s *Store) Save(id string) error {
                        	return nil
                        }
                        """,
                "legacy/storage/store.go", "package storage\n\ntype Store struct{}\n",
                "storage/store_test.go", "package storage\n\ntype Store struct{}\n"))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("storage/store.go", ws.paths(snippets).get(0));
            assertTrue(snippets.get(0).text().contains("func (s *Store) Save(id string) error"),
                    "a Go type shows its methods: " + snippets.get(0).text());
            assertFalse(ws.paths(snippets).contains("legacy/storage/store.go"));
            assertFalse(ws.paths(snippets).contains("storage/store_test.go"));
        }
    }

    @Test
    void goAnUnqualifiedNameIsTheSamePackage() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "geometry/main.go", Map.of(
                "geometry/main.go", "package geometry\n\nfunc Enlarge(v []float64) []float64 {\n\treturn ScaleVector(|)\n}\n",
                "geometry/scale.go", "package geometry\n\nfunc ScaleVector(v []float64, f float64) []float64 {\n\treturn v\n}\n",
                "other/scale.go", "package other\n\nfunc ScaleVector(v []int) []int {\n\treturn v\n}\n"))) {
            assertEquals(List.of("geometry/scale.go"), ws.paths(ws.definitions()));
        }
    }

    @Test
    void rustAUsePathFromTheCrateRoot() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/app.rs", Map.of(
                "src/lib.rs", "pub mod net;\npub mod app;\n",
                "src/net/mod.rs", "pub mod client;\n",
                "src/net/client.rs", """
                        pub struct Client {
                            url: String,
                        }

                        impl Client {
                            pub fn get(&self, path: &str) -> String {
                                path.to_string()
                            }
                        }
                        """,
                "src/other.rs", "pub struct Client;\n",
                "src/app.rs", """
                        use crate::net::client::Client;

                        pub fn run(client: &Client) {
                            client.|
                        }
                        """))) {
            List<String> paths = ws.paths(ws.definitions());

            assertEquals("src/net/client.rs", paths.get(0));
            assertFalse(paths.contains("src/other.rs"));
        }
    }

    @Test
    void rustAFieldOfSelfWhoseTypeComesFromASiblingModule() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/service.rs", Map.of(
                "src/main.rs", "mod pool;\nmod service;\n\nfn main() {}\n",
                "src/pool.rs", "pub struct Pool {\n    size: usize,\n}\n\nimpl Pool {\n    pub fn take(&self) -> usize {\n        self.size\n    }\n}\n",
                "src/service.rs", """
                        use super::pool::Pool;

                        pub struct Service {
                            pool: Pool,
                        }

                        impl Service {
                            pub fn call(&self) -> usize {
                                self.pool.|
                            }
                        }
                        """))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("src/pool.rs", ws.paths(snippets).get(0));
            assertTrue(snippets.stream().anyMatch(s -> s.text().contains("pub fn take(&self) -> usize")), snippets.toString());
        }
    }
}
