package dev.gptoss.ls.cli;

import dev.gptoss.ls.ServerCore;
import dev.gptoss.ls.backend.ApiKeys;
import dev.gptoss.ls.config.ConfigReader;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.config.InvalidConfigException;
import dev.gptoss.ls.routing.InstanceStatus;
import dev.gptoss.ls.routing.ServiceStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code status}: probes every configured endpoint once and prints what an editor's status view
 * would show, per endpoint. Exits non-zero when no model for completions answers.
 */
public final class StatusCommand {
    private static final long PROBE_WAIT_S = 120;
    private final PrintStream out;

    public StatusCommand(PrintStream out) {
        this.out = out;
    }

    public int run(CommandLine line) {
        try (var core = new ServerCore(ApiKeys.fromSystemEnvironment())) {
            ConfigFiles.apply(core.config(), new ConfigReader(core.json()),
                    ConfigFiles.locate(line.config(), Path.of("")), null);
            GptossConfig config = core.config().current();
            out.println("Probing " + config.endpoints().size() + " endpoint(s)…");
            core.health().probeOnce(core.router().instances(), config.health()).get(PROBE_WAIT_S, TimeUnit.SECONDS);
            ServiceStatus status = core.status().current();
            for (EndpointConfig endpoint : config.endpoints()) {
                print(endpoint, status.instances().stream()
                        .filter(i -> i.endpoint().equals(endpoint.name())).toList(), core);
            }
            out.println();
            out.println("Overall: " + status.state() + " — " + status.message());
            if (status.fix() != null) {
                out.println();
                out.println("To fix:");
                status.fix().lines().forEach(step -> out.println("  " + step));
                if (status.state().equals("offline")) {
                    out.println();
                    out.println("No model server answered. With Ollama (https://ollama.com):");
                    out.println("  ollama serve                # starts it on http://127.0.0.1:11434");
                    out.println("  ollama pull gpt-oss:20b     # the model for completions (about 14 GB)");
                    out.println("then run this again.");
                }
            }
            return status.state().equals("ready") || status.state().equals("degraded") ? 0 : 1;
        } catch (InvalidConfigException e) {
            System.err.println("gptoss-ls status: invalid configuration: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("gptoss-ls status: the probes did not finish: " + e);
            return 1;
        }
    }

    private void print(EndpointConfig endpoint, List<InstanceStatus> instances, ServerCore core) {
        var health = core.health().health(endpoint);
        out.println();
        out.println(endpoint.name() + "  " + endpoint.url() + "  (api: " + endpoint.api().id() + ")");
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
        out.println("  completion mode: " + core.modes().knownMode(endpoint)
                .map(mode -> mode.id().equals("raw")
                        ? "raw harmony (" + (endpoint.api().id().equals("ollama") ? "/api/generate raw" : "/v1/completions")
                        + "), no reasoning pass"
                        : "chat (" + (endpoint.api().id().equals("ollama") ? "/api/chat" : "/v1/chat/completions")
                        + "), reasoning effort low")
                .orElse("unknown (no model to probe with)"));
    }
}
