package dev.gptoss.ls.cli;

import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.config.ConfigSource;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.routing.InstanceStatus;
import dev.gptoss.ls.routing.ServiceStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code status}: probes every configured endpoint once and prints what an editor's status view
 * would show, per endpoint, and where each endpoint was configured. Exits non-zero (see
 * {@link ExitCodes}) when no model for completions can take requests.
 */
public final class StatusCommand {
    private final PrintStream out;

    public StatusCommand(PrintStream out) {
        this.out = out;
    }

    public int run(CommandLine line) {
        try (var parts = ServerParts.assemble(ServerParts.Environment.of(System.getenv()), event -> { })) {
            List<String> problems = ConfigFiles.apply(parts, line.config(), Path.of(""), null, System.err);
            if (!problems.isEmpty()) {
                problems.forEach(p -> System.err.println("gptoss-ls status: " + p));
                return ExitCodes.USAGE;
            }
            GptossConfig config = parts.config().current();
            ConfigSource source = parts.config().layers().sourceOf("endpoints");
            out.println("Probing " + config.endpoints().size() + " endpoint(s) from " + source.label()
                    + (source == ConfigSource.USER_FILE ? " (" + parts.userConfig().path() + ")" : "") + "…");
            ServiceStatus status = ServiceProbe.probe(parts);
            for (EndpointConfig endpoint : config.endpoints()) {
                print(endpoint, status.instances().stream()
                        .filter(i -> i.endpoint().equals(endpoint.name())).toList(), parts);
            }
            out.println();
            out.println("Overall: " + status.state() + " — " + status.message());
            if (status.fix() != null) {
                out.println();
                out.println("To fix:");
                status.fix().lines().forEach(step -> out.println("  " + step));
                out.println("then run this again.");
            }
            int code = ServiceProbe.exitCode(status);
            return code == ExitCodes.OK && status.state().equals("loading") ? ExitCodes.SERVER_DOWN : code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.SERVER_DOWN;
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("gptoss-ls status: the probes did not finish: " + e.getMessage());
            return ExitCodes.TIMED_OUT;
        }
    }

    private void print(EndpointConfig endpoint, List<InstanceStatus> instances, ServerParts parts) {
        var health = parts.models().health().health(endpoint);
        out.println();
        out.println(endpoint.name() + "  " + endpoint.url() + "  (api: " + endpoint.api().id()
                + (endpoint.apiKeyEnv() == null ? "" : ", key from $" + endpoint.apiKeyEnv()) + ")");
        out.println("  reachable:  " + switch (health.state()) {
            case READY -> "yes — " + health.detail();
            case LOADING -> "yes, loading — " + health.detail();
            case OFFLINE -> "no — " + health.detail();
            case UNKNOWN -> "unknown";
        });
        for (InstanceStatus instance : instances) {
            out.println("  model " + instance.model() + " (" + instance.tier() + "): " + switch (instance.state()) {
                case "ready" -> "available";
                case "model-missing" -> "NOT available" + (endpoint.api().id().equals("ollama")
                        ? " — run: ollama pull " + instance.model() : " — the server does not serve it");
                default -> instance.state();
            });
        }
        out.println("  completion mode: " + parts.models().modes().knownMode(endpoint)
                .map(mode -> mode.id().equals("raw")
                        ? "raw harmony (" + (endpoint.api().id().equals("ollama") ? "/api/generate raw" : "/v1/completions")
                        + "), no reasoning pass"
                        : "chat (" + (endpoint.api().id().equals("ollama") ? "/api/chat" : "/v1/chat/completions")
                        + "), reasoning effort low")
                .orElse("unknown (no model to probe with)"));
    }
}
