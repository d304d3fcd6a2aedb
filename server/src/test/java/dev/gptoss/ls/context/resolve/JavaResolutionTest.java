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

/** Java: the receiver's declared type, through imports, the package and nested types; decoys of the same name lose. */
class JavaResolutionTest {
    @TempDir
    Path root;

    private static final String INTERCEPTORS = """
            package org.shop.producer.internals;

            /** Runs the interceptors of a producer. */
            public class ProducerInterceptors<K, V> {
                private final java.util.List<String> interceptors;

                public ProducerInterceptors(java.util.List<String> interceptors) {
                    this.interceptors = interceptors;
                }

                public String onSend(String record) {
                    return record;
                }

                private void unused() {
                }
            }
            """;
    private static final String DECOY = """
            package org.shop.admin;

            public class ProducerInterceptors {
                public void reset() {
                }
            }
            """;

    @Test
    void aFieldsTypeComesThroughItsImportAndNotFromAnotherPackage() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/org/shop/producer/KafkaProducer.java", Map.of(
                "src/org/shop/producer/KafkaProducer.java", """
                        package org.shop.producer;

                        import org.shop.producer.internals.ProducerInterceptors;

                        public class KafkaProducer<K, V> {
                            private final ProducerInterceptors<K, V> interceptors;

                            public void send(String record) {
                                String intercepted = this.interceptors.|
                            }
                        }
                        """,
                "src/org/shop/producer/internals/ProducerInterceptors.java", INTERCEPTORS,
                "src/org/shop/admin/ProducerInterceptors.java", DECOY))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("src/org/shop/producer/internals/ProducerInterceptors.java", ws.paths(snippets).get(0));
            String type = snippets.get(0).text();
            assertTrue(type.contains("public class ProducerInterceptors<K, V>"), type);
            assertTrue(type.contains("public String onSend(String record)"), "members' signatures: " + type);
            assertFalse(type.contains("return record"), "no bodies: " + type);
            assertFalse(type.contains("unused"), "private members are of no use to a caller: " + type);
            assertFalse(ws.paths(snippets).contains("src/org/shop/admin/ProducerInterceptors.java"), ws.paths(snippets).toString());
        }
    }

    @Test
    void aTypeOfTheSamePackageNeedsNoImport() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/org/shop/Checkout.java", Map.of(
                "src/org/shop/Checkout.java", """
                        package org.shop;

                        class Checkout {
                            void pay(Invoice invoice) {
                                invoice.|
                            }
                        }
                        """,
                "src/org/shop/Invoice.java", "package org.shop;\n\nclass Invoice {\n    double total() { return 0; }\n}\n",
                "src/org/other/Invoice.java", "package org.other;\n\nclass Invoice {\n    void archive() { }\n}\n"))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("src/org/shop/Invoice.java", ws.paths(snippets).get(0));
            assertFalse(ws.paths(snippets).contains("src/org/other/Invoice.java"));
        }
    }

    @Test
    void aNestedTypeAndALocalMadeWithNew() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/app/Main.java", Map.of(
                "src/app/Main.java", """
                        package app;

                        import lib.Outer;
                        import lib.*;

                        class Main {
                            void run() {
                                var config = new Outer.Config();
                                config.|
                            }
                        }
                        """,
                "src/lib/Outer.java", """
                        package lib;

                        public class Outer {
                            public static class Config {
                                public int port() { return 80; }
                            }
                        }
                        """))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("src/lib/Outer.java", ws.paths(snippets).get(0));
            assertTrue(snippets.get(0).text().strip().startsWith("public static class Config"), snippets.get(0).text());
        }
    }

    @Test
    void aWildcardImportAndAParameter() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/app/Main.java", Map.of(
                "src/app/Main.java", """
                        package app;

                        import lib.net.*;

                        class Main {
                            void run(Client client) {
                                client.|
                            }
                        }
                        """,
                "src/lib/net/Client.java", "package lib.net;\n\npublic interface Client {\n    void connect();\n}\n",
                "src/lib/db/Client.java", "package lib.db;\n\npublic interface Client {\n    void query();\n}\n"))) {
            assertEquals(List.of("src/lib/net/Client.java"), ws.paths(ws.definitions()).subList(0, 1));
        }
    }

    @Test
    void anUnresolvedTypeIsGuessedFromTheNearestFileButNeverFromTests() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/main/java/app/Main.java", Map.of(
                "src/main/java/app/Main.java", """
                        package app;

                        import com.vendor.Session;

                        class Main {
                            void run(Session session) {
                                session.|
                            }
                        }
                        """,
                "src/test/java/app/Session.java", "package app;\n\nclass Session {\n    void fake() { }\n}\n",
                "README.py", "class Session:\n    pass\n"))) {
            assertEquals(List.of(), ws.paths(ws.definitions()), "a test class and a Python class are no guess for Java");
        }
    }
}
