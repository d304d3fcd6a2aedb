package dev.gptoss.ls.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Python's block rules that tree-sitter lets through, each as CPython reports it (checked against python3 by hand). */
class PythonIndentationTest {

    @Test
    void wellFormedCodeHasNoProblem() {
        assertEquals(List.of(), described("""
                class A:
                    def f(self, x):  # a comment:
                        \"\"\"Doc
                    at any indentation\"\"\"
                        y = (x +
                    1)
                        z = [1,
                             2] \\
                            + [3]
                        if y: return y
                        try:
                            pass
                        except Exception:
                            pass
                        return z

                    # a comment at a level never opened
                      # or another
                    def g(self):
                        s = 'a: \\
                b'
                        return s
                """));
    }

    @Test
    void aHeaderWithoutAnIndentedBodyIsReportedWhereTheBodyShouldBe() {
        assertEquals(List.of("line 3: expected an indented block after line 2"), described("""
                def f():
                    try:
                    x = 1
                    except Exception:
                        pass
                """).subList(0, 1));
        assertEquals(List.of("line 2: expected an indented block after line 1"), described("def f():\n"));
    }

    @Test
    void anIndentWhereNoBlockOpensIsUnexpected() {
        assertEquals(List.of("line 3: unexpected indent"), described("""
                def f():
                    x = 1
                        y = 2
                """));
    }

    @Test
    void aDedentMustReturnToALevelOpenedBefore() {
        assertEquals(List.of("line 4: unindent does not match any outer indentation level"), described("""
                def f():
                    if x:
                        y = 2
                      z = 3
                """));
    }

    @Test
    void tabsThatCompareDifferentlyAsOneColumnAreInconsistent() {
        assertEquals(List.of("line 3: inconsistent use of tabs and spaces in indentation"),
                described("if x:\n        a = 1\n\tb = 2\n"));
    }

    @Test
    void aTryNeedsAnExceptOrFinallyAtItsOwnLevel() {
        assertEquals(List.of("line 4: expected 'except' or 'finally' block"), described("""
                def f():
                    try:
                        x = 1
                    y = 2
                """));
        assertEquals(List.of(), described("try:\n    x = 1\nfinally:\n    pass\n"));
    }

    @Test
    void anUnterminatedStringIsReportedAtItsStart() {
        assertEquals(List.of("line 2: unterminated string literal"), described("x = 1\ny = 'abc\nz = 2\n"));
        assertEquals(List.of("line 1: unterminated triple-quoted string literal"), described("x = \"\"\"abc\n"));
    }

    @Test
    void windowsLineEndsAreLineEnds() {
        assertEquals(List.of(), described("def f():\r\n    return 1\r\n"));
        assertEquals(List.of("line 3: unexpected indent"), described("def f():\r\n    x = 1\r\n        y = 2\r\n"));
    }

    @Test
    void logicalLinesSkipContinuationsStringsAndComments() {
        assertEquals(List.of(0, 1, 4, 7), PythonIndentation.logicalLines(
                "def f():\n    x = (1,\n         2)\n    # note\n    s = \"\"\"a\nb\"\"\"\n\nreturn\n"));
    }

    private static List<String> described(String text) {
        return PythonIndentation.problems(text).stream().map(SyntaxProblem::describe).toList();
    }
}
