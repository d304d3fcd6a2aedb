package dev.gptoss.ls.eval;

import java.util.List;

/**
 * One row of results: pass@1 (each task answered once, so the share of tasks whose tests pass),
 * exact match (the accepted file is the task's own solution, up to trailing spaces), and the median
 * time from request to answer over the requests that got one.
 */
public record EvalSummary(int tasks, int answered, int passed, int exact, double medianAnswerMillis) {

    public static EvalSummary of(List<TaskOutcome> outcomes) {
        double[] times = outcomes.stream().filter(TaskOutcome::answered).mapToDouble(o -> o.answerNanos() / 1e6)
                .sorted().toArray();
        double median = times.length == 0 ? Double.NaN
                : times.length % 2 == 1 ? times[times.length / 2]
                : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
        return new EvalSummary(outcomes.size(), (int) outcomes.stream().filter(TaskOutcome::answered).count(),
                (int) outcomes.stream().filter(TaskOutcome::passed).count(),
                (int) outcomes.stream().filter(TaskOutcome::exact).count(), median);
    }

    public double passRate() {
        return tasks == 0 ? 0 : (double) passed / tasks;
    }

    public double exactRate() {
        return tasks == 0 ? 0 : (double) exact / tasks;
    }
}
