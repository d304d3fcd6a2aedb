package dev.gptoss.ls.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.InlineCompletionItem;

/**
 * Runs infilling tasks through a server as a user in VS Code would meet them: the file open with a
 * blank line where the code is missing, the cursor on it, one inline completion asked for, the first
 * item accepted, the program run against the task's tests. Requests go one at a time, as one user's
 * do; the tests of one task run while the next is being asked.
 */
public final class InfillingEval {
    private final EvalServer server;
    private final PythonCheck python;
    private final Executor testRunner;
    private final Duration answerWait;

    public InfillingEval(EvalServer server, PythonCheck python, Executor testRunner, Duration answerWait) {
        this.server = server;
        this.python = python;
        this.testRunner = testRunner;
        this.answerWait = answerWait;
    }

    /**
     * Runs every task with the cursor at {@code placement}, each in the document {@code uris} names;
     * {@code progress} hears the count of answered requests.
     */
    public List<TaskOutcome> run(List<InfillingTask> tasks, CursorPlacement placement,
                                 Function<InfillingTask, String> uris, IntConsumer progress) throws InterruptedException {
        var pending = new ArrayList<CompletableFuture<TaskOutcome>>();
        for (int i = 0; i < tasks.size(); i++) {
            pending.add(start(tasks.get(i), placement, uris.apply(tasks.get(i))));
            progress.accept(i + 1);
        }
        return outcomes(pending);
    }

    /**
     * Asks for the task's suggestion (waiting for the answer) and accepts it; the outcome completes
     * when the program's tests have run.
     */
    public CompletableFuture<TaskOutcome> start(InfillingTask task, CursorPlacement placement, String uri)
            throws InterruptedException {
        EditorState state = placement.place(task);
        server.open(uri, "python", state.text());
        long start = System.nanoTime();
        List<InlineCompletionItem> items = answer(uri, state);
        long nanos = System.nanoTime() - start;
        server.close(uri);
        String accepted = items.isEmpty() ? state.text() : VsCodeAcceptance.accept(state, items.get(0));
        boolean answered = !items.isEmpty();
        boolean kept = accepted.endsWith(state.text().substring(task.prompt().length() + state.character()));
        return CompletableFuture.supplyAsync(() -> new TaskOutcome(task, answered, accepted,
                TaskOutcome.sameCode(accepted, task.solvedFile()), kept,
                python.run(InfillingTask.programWithTests(accepted, task)), nanos), testRunner);
    }

    /** The outcomes, in order, once every program's tests have run. */
    public static List<TaskOutcome> outcomes(List<CompletableFuture<TaskOutcome>> pending) throws InterruptedException {
        var outcomes = new ArrayList<TaskOutcome>();
        for (CompletableFuture<TaskOutcome> outcome : pending) {
            try {
                outcomes.add(outcome.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a task's tests could not be run: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return outcomes;
    }

    private List<InlineCompletionItem> answer(String uri, EditorState state) throws InterruptedException {
        try {
            return server.inline(uri, state).get(answerWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    /**
     * Documents in {@code folderUri}, named after the task ({@code MultiLineInfilling/HumanEval/0/L0_L1}
     * → {@code HumanEval_0_L0_L1}) and {@code tag}. The prompt shows the name, so runs that must not
     * share cached answers on one server use different tags.
     */
    public static Function<InfillingTask, String> uris(String folderUri, String tag) {
        return task -> folderUri + task.id().replaceFirst("^[A-Za-z]+Infilling/", "").replaceAll("[^A-Za-z0-9_]", "_")
                + tag + ".py";
    }
}
