package dev.gptoss.ls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutlineExtractorTest {
    private final SyntaxTrees trees = new SyntaxTrees(new Grammars());
    private final OutlineExtractor extractor = new OutlineExtractor(trees);

    @AfterEach
    void close() {
        trees.close();
    }

    @Test
    void aLongClassReadsAsItsHeaderAndTheSignatureOfEachMember() {
        String source = """
                class Basket:
                    \"\"\"Items a customer keeps.\"\"\"

                    def add(self, item,
                            count=1):
                        self.items.append(item)

                %s
                    def total(self) -> int:
                        return sum(i.price for i in self.items)
                """.formatted(filler(12));
        Definition basket = definition(source, "Basket");

        assertEquals("""
                class Basket:
                    \"\"\"Items a customer keeps.\"\"\"
                    def add(self, item,
                            count=1): ...
                    def total(self) -> int: ...""", basket.summary());
    }

    @Test
    void aLongDefinitionWithoutMembersShowsItsFirstTenLines() {
        String items = IntStream.range(0, 30).mapToObj(i -> "    \"item%d\",".formatted(i))
                .collect(Collectors.joining("\n"));
        Definition settings = definition("SETTINGS = [\n" + items + "\n]\n", "SETTINGS");

        String[] lines = settings.summary().split("\n");
        assertEquals("SETTINGS = [", lines[0]);
        assertEquals("    \"item8\",", lines[9]);
        assertEquals("...", lines[10]);
        assertEquals(11, lines.length);
    }

    @Test
    void crlfDocumentsGiveSummariesWithoutCarriageReturns() {
        String source = ("class Shop:\n    def open(self):\n        pass\n" + filler(12)
                + "\n    def close(self):\n        pass\n").replace("\n", "\r\n");
        Definition shop = definition(source, "Shop");

        assertFalse(shop.summary().contains("\r"), shop.summary());
        assertTrue(shop.summary().endsWith("    def close(self): ..."), shop.summary());
    }

    @Test
    void aJavaTypeShowsWhatACallerCanUseAndALongJavadocOnlyItsOpening() {
        String source = """
                /**
                 * Line one says what it is.
                %s
                 */
                public class Store {
                    private final Map<String, String> items = new HashMap<>();

                    public static class Entry {
                        public String key() { return null; }
                    }

                    public String get(String key) {
                        return items.get(key);
                    }

                    private void compact() {
                    }
                %s
                }
                """.formatted(" * more\n".repeat(20).stripTrailing(), filler(10).replace("#", "//"));
        Definition store = definition("java", source, "Store");

        assertTrue(store.summary().startsWith("/**\n * Line one says what it is.\n"), store.summary());
        assertTrue(store.summary().contains(" ...\n */\npublic class Store {"), "the cut Javadoc is closed: " + store.summary());
        assertTrue(store.summary().contains("    public String get(String key) ..."), store.summary());
        assertTrue(store.summary().contains("    public static class Entry ..."), store.summary());
        assertFalse(store.summary().contains("key()"), "a nested type's members are its own: " + store.summary());
        assertFalse(store.summary().contains("compact"), "private members are left out: " + store.summary());
        assertFalse(store.summary().contains("items"), "private fields too: " + store.summary());
    }

    private Definition definition(String source, String name) {
        return definition("python", source, name);
    }

    private Definition definition(String language, String source, String name) {
        SyntaxTree tree = trees.parse(language, source).orElseThrow();
        return extractor.extract("file:///w/shop.py", tree).definitions().stream()
                .filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static String filler(int lines) {
        return IntStream.range(0, lines).mapToObj(i -> "    # note " + i).collect(Collectors.joining("\n"));
    }
}
