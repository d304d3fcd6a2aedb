package dev.gptoss.ls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gptoss.ls.concurrent.ForegroundWork;
import dev.gptoss.ls.syntax.Grammars;
import dev.gptoss.ls.syntax.OutlineExtractor;
import dev.gptoss.ls.syntax.SyntaxTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceIndexTest {
    @TempDir
    Path root;
    private final SyntaxTrees trees = new SyntaxTrees(new Grammars());
    private final ForegroundWork foreground = new ForegroundWork();
    private WorkspaceIndex index;

    @AfterEach
    void stop() {
        index.close();
        trees.close();
    }

    @Test
    void theWalkStepsAsideWhileACompletionIsBeingPrepared() throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.writeString(root.resolve("m" + i + ".py"), "def helper_" + i + "():\n    return " + i + "\n");
        }
        var rules = ExclusionRules.of(root, List.of());
        index = new WorkspaceIndex(trees, new OutlineExtractor(trees), () -> rules, foreground);

        foreground.begin();
        index.start();
        TimeUnit.MILLISECONDS.sleep(200);
        assertEquals(0, index.fileCount(), "nothing is indexed while the completion is prepared");
        assertFalse(index.ready().isDone());

        foreground.end();
        assertEquals(5, index.ready().get(10, TimeUnit.SECONDS));
    }
}
