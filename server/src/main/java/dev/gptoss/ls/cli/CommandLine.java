package dev.gptoss.ls.cli;

import java.nio.file.Path;

/** The parsed arguments. */
public record CommandLine(String command, String target, Path config, Integer port, Integer timeoutMs) {
    public static final String USAGE = """
            usage: gptoss-ls                                     LSP over stdio (what editors run)
                   gptoss-ls --port N                            LSP on 127.0.0.1:N, for debugging
                   gptoss-ls complete FILE:LINE:COL [--config FILE] [--timeout-ms N]
                                                                 one completion at that place (1-based)
                   gptoss-ls status [--config FILE]              probe every configured model server
                   gptoss-ls trust [DIR]                         approve the endpoints of DIR's .gptoss.json
                   gptoss-ls untrust [DIR]                       withdraw that approval
                   gptoss-ls eval [--config FILE] [--sample N] [--seed N] ...
                                                                 HumanEval infilling through your model (docs/eval.md)
                   gptoss-ls --version                           this version and the Java runtime it runs on
            (gptoss-ls is the launcher of the runtime image; with the jar and your own Java 17+, the same
            arguments follow java -jar gptoss-ls.jar.)
            Configuration: your own file ($XDG_CONFIG_HOME/gptoss-ls/config.json, else ~/.config/gptoss-ls/config.json),
            then --config FILE or else the nearest .gptoss.json (its endpoints only once approved with trust);
            without any, Ollama at http://127.0.0.1:11434 with gpt-oss:20b.
            Exit codes: 0 done; 1 no suggestion; 2 bad arguments or configuration; 3 no model server answers;
            4 the model is missing; 5 timed out.""";

    public static CommandLine parse(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            return new CommandLine("eval", null, null, null, null); // eval reads its own options (EvalOptions)
        }
        String command = "lsp";
        String target = null;
        Path config = null;
        Integer port = null;
        Integer timeout = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--port" -> port = number(value(args, ++i, arg), arg);
                case "--timeout-ms" -> timeout = number(value(args, ++i, arg), arg);
                case "--stdio" -> command = "lsp";
                case "-h", "--help", "help" -> command = "help";
                case "--version", "version" -> command = "version";
                case "complete", "status", "trust", "untrust" -> command = arg;
                default -> {
                    if (arg.startsWith("-") || target != null) {
                        throw new IllegalArgumentException("unexpected argument: " + arg);
                    }
                    target = arg;
                }
            }
        }
        if (command.equals("complete") && target == null) {
            throw new IllegalArgumentException("complete needs FILE:LINE:COL");
        }
        return new CommandLine(command, target, config, port, timeout);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + text);
        }
    }
}
