package dev.gptoss.ls.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.fake.AnswerShape;
import dev.gptoss.ls.context.CursorWindow;
import dev.gptoss.ls.documents.DocumentSnapshot;
import dev.gptoss.ls.documents.TextDocument;
import dev.gptoss.ls.eval.CursorPlacement;
import dev.gptoss.ls.eval.EditorState;
import dev.gptoss.ls.eval.InfillingTask;
import dev.gptoss.ls.eval.InfillingTasks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failures issue 19 found with a model server that always answers correctly, each on the
 * HumanEval infilling task that showed it: the file after accepting the suggestion must be the
 * task's own solution.
 */
class SuggestionFidelityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<InfillingTask> SINGLE = InfillingTasks.SINGLE_LINE.all(JSON);
    private static final List<InfillingTask> MULTI = InfillingTasks.MULTI_LINE.all(JSON);

    @Test
    void aStatementThatAlsoStandsNearbyIsKept() {
        for (String id : List.of("HumanEval/80/L6", "HumanEval/95/L20", "HumanEval/102/L5", "HumanEval/127/L8",
                "HumanEval/150/L4")) {
            assertSolved(single(id), CursorPlacement.AFTER_INDENT, AnswerShape.BARE);
        }
    }

    @Test
    void indentationTheModelSendsAtColumnZeroIsKept() {
        InfillingTask task = single("HumanEval/1/L4");
        assertEquals("    for c in paren_string:\n", task.middle(), "the line of the report");
        assertSolved(task, CursorPlacement.LINE_START, AnswerShape.BARE);
        assertSolved(task, CursorPlacement.LINE_START, AnswerShape.FENCED);
    }

    @Test
    void continuationLinesWrittenAtTheirFileColumnsAreNotIndentedTwice() {
        InfillingTask task = multi("HumanEval/0/L3_L5");
        assertSolved(task, CursorPlacement.AFTER_INDENT, AnswerShape.BARE);
        assertSolved(task, CursorPlacement.AFTER_INDENT, AnswerShape.TYPED_INDENT_REPEATED);
        assertSolved(task, CursorPlacement.AFTER_INDENT, AnswerShape.RELATIVE_INDENT);
    }

    @Test
    void aMissingBlockAfterAStatementIsOfferedWhole() {
        InfillingTask task = multi("HumanEval/0/L0_L1");
        assertSolved(task, CursorPlacement.AFTER_INDENT, AnswerShape.BARE);
        assertSolved(task, CursorPlacement.LINE_START, AnswerShape.RELATIVE_INDENT);
    }

    @Test
    void aBlockGoesOnAfterADedentInsideItsFunction() {
        InfillingTask task = multi("HumanEval/59/L6_L7");
        assertSolved(task, CursorPlacement.AFTER_INDENT, AnswerShape.TYPED_INDENT_REPEATED);
        assertSolved(task, CursorPlacement.LINE_START, AnswerShape.BARE);
    }

    @Test
    void linesInsideBracketsAreLeftWhereTheModelPutThem() {
        assertSolved(multi("HumanEval/105/L6_L11"), CursorPlacement.LINE_START, AnswerShape.BARE);
        assertSolved(multi("HumanEval/105/L6_L11"), CursorPlacement.AFTER_INDENT, AnswerShape.RELATIVE_INDENT);
    }

    @Test
    void anElifBelongsWithItsIfNotWithTheLoopAroundIt() {
        // Dedented at column 0, "elif gpa > 3.7:" fits the column of the if and of the for around it.
        assertSolved(multi("HumanEval/81/L6_L29"), CursorPlacement.LINE_START, AnswerShape.DEDENTED);
    }

    private static void assertSolved(InfillingTask task, CursorPlacement placement, AnswerShape answer) {
        EditorState state = placement.place(task);
        DocumentSnapshot document = new TextDocument("file:///work/task.py", "python", 1, state.text()).snapshot();
        int offset = task.prompt().length() + state.character();
        var context = CursorWindow.standard().around(document, offset);
        String modelText = answer.render(task.middle(), context.linePrefix(), "python");
        String suggestion = new SuggestionShaper().shape(modelText, context, SuggestionShape.at(context)).orElse("");
        String accepted = state.text().substring(0, offset) + suggestion + state.text().substring(offset);
        assertEquals(withoutTrailingSpaces(task.solvedFile()), withoutTrailingSpaces(accepted), task.id() + ", cursor " + placement.id() + ", answer " + answer.id()
                + ", model wrote:\n" + modelText);
    }

    /** Blank lines in the tasks' solutions sometimes hold spaces; no reader or Python sees them. */
    private static String withoutTrailingSpaces(String text) {
        return text.replaceAll("[ \\t]+\n", "\n");
    }

    private static InfillingTask single(String id) {
        return SINGLE.stream().filter(t -> t.id().equals("SingleLineInfilling/" + id)).findFirst().orElseThrow();
    }

    private static InfillingTask multi(String id) {
        return MULTI.stream().filter(t -> t.id().equals("MultiLineInfilling/" + id)).findFirst().orElseThrow();
    }
}
