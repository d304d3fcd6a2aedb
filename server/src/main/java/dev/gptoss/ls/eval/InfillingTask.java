package dev.gptoss.ls.eval;

/**
 * One HumanEval infilling task: the program is {@code prompt + middle + suffix}, and it passes when
 * {@code test} followed by {@code check(entryPoint)} runs without error.
 *
 * @param middle the canonical solution: whole lines, each ending with a newline
 */
public record InfillingTask(String id, String entryPoint, String prompt, String middle, String suffix, String test) {

    /** The program with {@code code} where the task's gap was, followed by its tests. */
    public static String programWithTests(String code, InfillingTask task) {
        return code + (code.endsWith("\n") ? "" : "\n") + "\n" + task.test() + "\n\ncheck(" + task.entryPoint() + ")\n";
    }

    /** The file as the task's author wrote it. */
    public String solvedFile() {
        return prompt + middle + suffix;
    }
}
