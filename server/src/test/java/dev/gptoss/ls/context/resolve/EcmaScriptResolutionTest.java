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

/** TypeScript and JavaScript: relative paths, index files and re-exports, tsconfig paths, fields and parameters. */
class EcmaScriptResolutionTest {
    @TempDir
    Path root;

    @Test
    void aFieldsTypeFromARelativeImport() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/cart/cart.ts", Map.of(
                "src/cart/cart.ts", """
                        import { Store } from './store';

                        export class Cart {
                          private store: Store<string>;

                          add(item: string): void {
                            this.store.|
                          }
                        }
                        """,
                "src/cart/store.ts", """
                        export class Store<T> {
                          private items: T[] = [];
                          save(item: T): void {
                            this.items.push(item);
                          }
                          load(): T[] {
                            return this.items;
                          }
                        }
                        """,
                "src/admin/store.ts", "export class Store {\n  wipe(): void {}\n}\n"))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("src/cart/store.ts", ws.paths(snippets).get(0));
            assertFalse(ws.paths(snippets).contains("src/admin/store.ts"));
        }
    }

    @Test
    void anIndexFileThatReExportsThroughAStarExport() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/main.ts", Map.of(
                "src/main.ts", """
                        import { ApiClient as Client } from './api';

                        export function start(client: Client) {
                          client.|
                        }
                        """,
                "src/api/index.ts", "export * from './client';\nexport { version } from './version';\n",
                "src/api/client.ts", "export interface ApiClient {\n  get(path: string): Promise<string>;\n}\n",
                "src/api/version.ts", "export const version = '1';\n",
                "src/legacy/client.ts", "export interface ApiClient {\n  fetch(): void;\n}\n"))) {
            List<ContextSnippet> snippets = ws.definitions();

            assertEquals("src/api/client.ts", ws.paths(snippets).get(0));
            assertTrue(snippets.get(0).text().contains("get(path: string)"), snippets.get(0).text());
            assertFalse(ws.paths(snippets).contains("src/legacy/client.ts"));
        }
    }

    @Test
    void tsconfigPathsMapAnAliasToAFolder() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "src/app/main.ts", Map.of(
                "tsconfig.json", """
                        {
                          // comments and trailing commas, as tsconfig files have them
                          "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["src/lib/*"], }, },
                        }
                        """,
                "src/app/main.ts", """
                        import { Logger } from '@lib/log';

                        const logger = new Logger('main');
                        logger.|
                        """,
                "src/lib/log.ts", "export class Logger {\n  constructor(name: string) {}\n  info(message: string): void {}\n}\n",
                "src/app/log.ts", "export class Logger {\n  debug(): void {}\n}\n"))) {
            assertEquals("src/lib/log.ts", ws.paths(ws.definitions()).get(0));
        }
    }

    @Test
    void javaScriptWithTheExtensionWrittenOut() throws Exception {
        try (var ws = FixtureWorkspace.of(root, "web/app.js", Map.of(
                "web/app.js", """
                        import { Cart } from "./cart.js";

                        export function checkout() {
                          const cart = new Cart();
                          return cart.|
                        }
                        """,
                "web/cart.js", "export class Cart {\n  total() {\n    return 0;\n  }\n}\n",
                "server/cart.py", "class Cart:\n    pass\n"))) {
            assertEquals(List.of("web/cart.js"), ws.paths(ws.definitions()));
        }
    }
}
