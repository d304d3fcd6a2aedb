package dev.gptoss.ls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TreeQueryTest {
    private static final TreeQuery.CustomPredicates NONE = new TreeQuery.CustomPredicates() {
        @Override
        public void check(QueryPredicate predicate, Set<String> captures) {
            throw new IllegalArgumentException("unknown predicate");
        }

        @Override
        public boolean test(QueryPredicate predicate, QueryMatch match) {
            return false;
        }
    };
    private final Grammars grammars = new Grammars();
    private final SyntaxTrees trees = new SyntaxTrees(grammars);

    @AfterEach
    void close() {
        trees.close();
    }

    @Test
    void fieldsCapturesAndEqualityPick() {
        String code = """
                import requests
                requests.get(url)
                session.get(url)
                "requests.get(url)"  # requests.get(x)
                """;
        assertEquals(List.of("requests.get(url)"), matches(code, """
                ((call function: (attribute object: (identifier) @o attribute: (identifier) @a)) @c
                 (#eq? @o "requests") (#any-of? @a "get" "post"))""", "c"));
    }

    @Test
    void aNegatedFieldMeansTheChildIsAbsent() {
        String code = """
                try:
                    x()
                except:  # legacy
                    pass
                except (Exception):
                    pass
                """;
        assertEquals(List.of("except"), matches(code, "(except_clause !value \"except\" @k)", "k"));
        assertEquals(List.of("(Exception)"), matches(code, "(except_clause value: (_) @v)", "v"));
    }

    @Test
    void anchorsSkipCommentsAndNeedTheOnlyStatement() {
        String code = """
                try:
                    x()
                except ValueError:
                    pass  # expected
                except KeyError:
                    pass
                    log()
                except OSError:
                    # nothing to do
                    pass
                """;
        assertEquals(List.of("ValueError", "OSError"),
                matches(code, "(except_clause value: (_) @v (block . (pass_statement) .))", "v"));
    }

    @Test
    void quantifiedCapturesCollectEveryMatch() {
        var tree = trees.parse("python", "f(a, b=1, c=2)\n").orElseThrow();
        var query = compile("(argument_list (keyword_argument name: (identifier) @k)* )");
        var found = new ArrayList<List<String>>();
        query.matches(tree, m -> found.add(m.all("k").stream().map(SyntaxNode::text).toList()));
        assertEquals(List.of(List.of("b", "c")), found);
    }

    @Test
    void alternationsAndSupertypesMatchAnyOfTheirKinds() {
        String code = "x = 1\ny = f()\nz = a.b\n";
        assertEquals(List.of("f()", "a.b"), matches(code, "(assignment right: [(call) (attribute)] @r)", "r"));
        assertEquals(List.of("1", "f()", "a.b"), matches(code, "(assignment right: (expression) @r)", "r"));
    }

    @Test
    void stringsAndCommentsAreNotCalls() {
        String code = "s = \"time.sleep(1)\"\n# time.sleep(1)\n\"\"\"\ntime.sleep(1)\n\"\"\"\n";
        assertEquals(List.of(), matches(code, "(call) @c", "c"));
    }

    @Test
    void mistakesAreNamedWithTheirOffset() {
        QueryError type = assertThrows(QueryError.class, () -> compile("(call function: (identifer) @f)"));
        assertTrue(type.getMessage().contains("identifer"), type.getMessage());
        assertEquals(17, type.offset());
        QueryError field = assertThrows(QueryError.class, () -> compile("(call nofield: (identifier))"));
        assertTrue(field.getMessage().contains("nofield"), field.getMessage());
        QueryError open = assertThrows(QueryError.class, () -> compile("(call (identifier) @x"));
        assertTrue(open.getMessage().contains("incomplete"), open.getMessage());
        QueryError capture = assertThrows(QueryError.class, () -> compile("((call) @c (#eq? @d \"x\"))"));
        assertTrue(capture.getMessage().contains("@d"), capture.getMessage());
        QueryError outside = assertThrows(QueryError.class, () -> compile("(call) @c (#eq? @c \"x\")"));
        assertTrue(outside.getMessage().contains("inside"), outside.getMessage());
        QueryError unknown = assertThrows(QueryError.class, () -> compile("((call) @c (#shiny? @c))"));
        assertTrue(unknown.getMessage().contains("#shiny?"), unknown.getMessage());
        QueryError regex = assertThrows(QueryError.class, () -> compile("((call) @c (#match? @c \"(\"))"));
        assertTrue(regex.getMessage().contains("regular expression"), regex.getMessage());
    }

    private TreeQuery compile(String source) {
        return TreeQuery.compile(grammars.forLanguage("python").orElseThrow(), grammars.kinds("python").orElseThrow(),
                source, NONE);
    }

    private List<String> matches(String code, String query, String capture) {
        var tree = trees.parse("python", code).orElseThrow();
        var found = new ArrayList<String>();
        compile(query).matches(tree, m -> found.add(m.capture(capture).orElseThrow().text()));
        return found;
    }
}
