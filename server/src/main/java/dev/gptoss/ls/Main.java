package dev.gptoss.ls;

import dev.gptoss.ls.cli.CommandLine;
import dev.gptoss.ls.cli.CompleteCommand;
import dev.gptoss.ls.cli.EvalCommand;
import dev.gptoss.ls.cli.StatusCommand;
import dev.gptoss.ls.cli.TrustCommand;
import dev.gptoss.ls.protocol.GptossLanguageServer;
import dev.gptoss.ls.protocol.LspLauncher;
import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.telemetry.LogSetup;
import java.io.PrintStream;
import java.util.Arrays;

/** {@code java -jar gptoss-ls.jar [--port N | complete FILE:LINE:COL | status | trust DIR | eval ...] [--config FILE]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream stdout = LogSetup.reserveStdoutForProtocol();
        LogSetup.toStderr(System.getenv("GPTOSS_LOG"));
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gptoss-ls: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        switch (line.command()) {
            case "help" -> stdout.println(CommandLine.USAGE);
            case "version" -> {
                stdout.println("gptoss-ls " + GptossLanguageServer.VERSION);
                stdout.println("Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ") in "
                        + System.getProperty("java.home"));
            }
            case "complete" -> System.exit(new CompleteCommand(stdout).run(line));
            case "status" -> System.exit(new StatusCommand(stdout).run(line));
            case "trust", "untrust" -> System.exit(new TrustCommand(stdout, System.err, System.getenv()).run(line));
            case "eval" -> System.exit(EvalCommand.forTerminal(stdout).run(Arrays.copyOfRange(args, 1, args.length)));
            default -> serveLsp(line, stdout);
        }
    }

    private static void serveLsp(CommandLine line, PrintStream stdout) throws Exception {
        var environment = ServerParts.Environment.of(System.getenv());
        if (line.port() != null) {
            LspLauncher.serveOnPort(environment, line.port(), System::exit);
        } else {
            LspLauncher.serve(environment, System.in, stdout, System::exit).get();
        }
        System.exit(0);
    }
}
