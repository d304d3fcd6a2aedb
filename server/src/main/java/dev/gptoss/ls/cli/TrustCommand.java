package dev.gptoss.ls.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.InvalidConfigException;
import dev.gptoss.ls.config.UserConfigFile;
import dev.gptoss.ls.config.WorkspaceConfigFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code trust [DIR]} and {@code untrust [DIR]}: approve, or stop approving, the endpoints of the
 * {@code .gptoss.json} in DIR or the nearest folder above it, as direnv's {@code allow} does for
 * an {@code .envrc}. The approval holds for this content only (its SHA-256); an edited file must be
 * approved again.
 */
public final class TrustCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public TrustCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public int run(CommandLine line) {
        var json = new ObjectMapper();
        var approvals = new UserConfigFile(UserConfigFile.locate(environment), () -> json);
        Path start = Path.of(line.target() == null ? "" : line.target()).toAbsolutePath();
        Optional<Path> found = Files.isRegularFile(start) && start.getFileName().toString().equals(WorkspaceConfigFile.NAME)
                ? Optional.of(start) : ConfigFiles.nearestWorkspaceFile(start);
        if (found.isEmpty()) {
            err.println("gptoss-ls " + line.command() + ": no " + WorkspaceConfigFile.NAME + " in " + start
                    + " or a folder above it");
            return ExitCodes.USAGE;
        }
        try {
            WorkspaceConfigFile file = WorkspaceConfigFile.read(found.get(), approvals, json);
            return line.command().equals("untrust") ? revoke(file, approvals) : approve(file, approvals, json);
        } catch (InvalidConfigException e) {
            err.println("gptoss-ls " + line.command() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("gptoss-ls " + line.command() + ": cannot write " + approvals.path() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private int approve(WorkspaceConfigFile file, UserConfigFile approvals, ObjectMapper json)
            throws InvalidConfigException, IOException {
        // A file the server would refuse is not worth approving: say what to fix first.
        new ConfigReader(json).read(file.content());
        if (file.approval() == WorkspaceConfigFile.Approval.APPROVED) {
            out.println(file.file() + " is already approved.");
            return ExitCodes.OK;
        }
        out.println("Approving " + file.file() + " (SHA-256 " + file.sha256() + ").");
        if (file.destinations().isEmpty()) {
            out.println("It names no endpoints: code keeps going only to the model servers you configured.");
        } else {
            out.println("Your code will be sent to:");
            file.destinations().forEach(d -> out.println("  " + d));
        }
        JsonNode redact = file.content().path("guard").path("redact");
        if (redact.isBoolean() && !redact.asBoolean()) {
            out.println("It turns redaction off: secrets in your code will be sent as they are.");
        }
        approvals.approve(file.file(), file.sha256());
        out.println("Recorded in " + approvals.path() + ". A running gptoss-ls uses it within seconds;"
                + " if the file changes, it must be approved again.");
        return ExitCodes.OK;
    }

    private int revoke(WorkspaceConfigFile file, UserConfigFile approvals) throws InvalidConfigException, IOException {
        if (approvals.revoke(file.file())) {
            out.println(file.file() + " is no longer approved: its endpoints are not used.");
        } else {
            out.println(file.file() + " was not approved.");
        }
        return ExitCodes.OK;
    }
}
