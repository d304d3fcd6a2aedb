package dev.gptoss.ls.cli;

import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.eval.CursorPlacement;
import dev.gptoss.ls.eval.InfillingTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The options after the word {@code eval}. */
record EvalOptions(Path config, int sample, long seed, List<InfillingTasks> sets, List<PromptMode> modes,
                   CursorPlacement cursor, int timeoutMs) {
    public static final String USAGE = """
            usage: java -jar gptoss-ls.jar eval [--config FILE] [--sample N] [--seed N] [--tasks single-line,multi-line]
                                                [--modes raw,chat] [--cursor after-indent|line-start] [--timeout-ms N]
              --sample N    tasks drawn from each set (default 40)     --seed N   which tasks (default 1)
              --timeout-ms  the deadline of one suggestion (default 30000; a first request may load the model)
            Runs the model's code with python3 (time limit 10 s, no network).""";
    private static final int DEFAULT_SAMPLE = 40;
    private static final int DEFAULT_TIMEOUT_MS = 30_000;

    static EvalOptions parse(String[] args) {
        Path config = null;
        int sample = DEFAULT_SAMPLE;
        long seed = 1;
        List<InfillingTasks> sets = List.of(InfillingTasks.values());
        List<PromptMode> modes = List.of(PromptMode.RAW, PromptMode.CHAT);
        CursorPlacement cursor = CursorPlacement.AFTER_INDENT;
        int timeout = DEFAULT_TIMEOUT_MS;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                        : "unexpected argument: " + option);
            }
            i++;
            switch (option) {
                case "--config" -> config = Path.of(value);
                case "--sample" -> sample = positive(value, option);
                case "--seed" -> seed = number(value, option);
                case "--tasks" -> sets = split(value).stream().map(InfillingTasks::parse).toList();
                case "--modes" -> modes = split(value).stream().map(EvalOptions::mode).toList();
                case "--cursor" -> cursor = CursorPlacement.parse(value);
                case "--timeout-ms" -> timeout = positive(value, option);
                default -> throw new IllegalArgumentException("unexpected argument: " + option);
            }
        }
        return new EvalOptions(config, sample, seed, sets, modes, cursor, timeout);
    }

    private static PromptMode mode(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "raw" -> PromptMode.RAW;
            case "chat" -> PromptMode.CHAT;
            default -> throw new IllegalArgumentException("unknown prompt mode " + id + " (raw or chat)");
        };
    }

    private static List<String> split(String value) {
        return List.of(value.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int positive(String text, String option) {
        long n = number(text, option);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " needs a positive number, got " + text);
        }
        return (int) n;
    }

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + text);
        }
    }
}
