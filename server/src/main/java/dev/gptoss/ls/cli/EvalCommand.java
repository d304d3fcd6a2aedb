package dev.gptoss.ls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gptoss.ls.config.EndpointConfig;
import dev.gptoss.ls.config.GptossConfig;
import dev.gptoss.ls.config.PromptMode;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.eval.EvalServer;
import dev.gptoss.ls.eval.EvalSummary;
import dev.gptoss.ls.eval.InfillingEval;
import dev.gptoss.ls.eval.InfillingTask;
import dev.gptoss.ls.eval.InfillingTasks;
import dev.gptoss.ls.eval.ProgressBar;
import dev.gptoss.ls.eval.PythonCheck;
import dev.gptoss.ls.eval.TaskOutcome;
import dev.gptoss.ls.routing.ServiceStatus;
import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.telemetry.LogSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * {@code eval}: HumanEval infilling through the user's own model servers, as an editor would meet
 * it, in each prompt mode; prints pass@1, exact match and the median time per answer (docs/eval.md).
 */
public final class EvalCommand {
    private static final Duration TEST_LIMIT = Duration.ofSeconds(10);
    private static final Duration START_WAIT = Duration.ofSeconds(30);
    private static final Duration READY_WAIT = Duration.ofMinutes(2);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean redrawProgress;
    private final ServerParts.Environment environment;

    /**
     * @param redrawProgress draw the progress bar in place (a person watches a terminal), else a line a quarter
     * @param environment the keys and the user's configuration file the servers get
     */
    public EvalCommand(PrintStream out, PrintStream err, boolean redrawProgress, ServerParts.Environment environment) {
        this.out = out;
        this.err = err;
        this.redrawProgress = redrawProgress;
        this.environment = environment;
    }

    /**
     * The command as a user runs it: the server's own log quiet (warnings only) unless
     * {@code GPTOSS_LOG} asks for more, so stderr shows the progress.
     */
    public static EvalCommand forTerminal(PrintStream stdout) {
        if (System.getenv("GPTOSS_LOG") == null) {
            LogSetup.toStderr("WARNING");
        }
        return new EvalCommand(stdout, System.err, ProgressBar.terminalWatching(),
                ServerParts.Environment.of(System.getenv()));
    }

    public int run(String[] args) {
        EvalOptions options;
        try {
            options = EvalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("gptoss-ls eval: " + e.getMessage());
            err.println(EvalOptions.USAGE);
            return ExitCodes.USAGE;
        }
        ExecutorService testRunner = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "gptoss-eval-tests");
            thread.setDaemon(true);
            return thread;
        });
        var servers = new LinkedHashMap<PromptMode, EvalServer>();
        try (PythonCheck python = PythonCheck.start(TEST_LIMIT)) {
            var settings = new LinkedHashMap<PromptMode, String>();
            String endpoints;
            try (var parts = ServerParts.assemble(environment, event -> { })) {
                List<String> problems = ConfigFiles.apply(parts, options.config(), Path.of(""), null, err);
                if (!problems.isEmpty()) {
                    problems.forEach(problem -> err.println("gptoss-ls eval: " + problem));
                    return ExitCodes.USAGE;
                }
                ServiceStatus service = ServiceProbe.probe(parts);
                int serviceCode = ServiceProbe.exitCode(service);
                if (serviceCode != ExitCodes.OK) {
                    err.println("gptoss-ls eval: " + ServiceProbe.problem(service)
                            + (service.fix() == null ? "" : ". To fix: " + service.fix().lines().findFirst().orElse("")));
                    return serviceCode;
                }
                GptossConfig config = parts.config().current();
                endpoints = describe(config);
                for (PromptMode mode : options.modes()) {
                    settings.put(mode, settings(parts.json(), parts.config().layers().merged(), config, mode,
                            options.timeoutMs()));
                }
            }
            for (var mode : settings.entrySet()) {
                servers.put(mode.getKey(), EvalServer.start(environment, mode.getValue(), START_WAIT));
            }
            for (EvalServer server : servers.values()) {
                if (!ready(server)) {
                    return ExitCodes.SERVER_DOWN;
                }
            }
            var rows = measure(options, servers, python, testRunner);
            print(options, endpoints, python.isolation(), rows);
            return ExitCodes.OK;
        } catch (IllegalStateException | ExecutionException | TimeoutException e) {
            err.println("gptoss-ls eval: " + e.getMessage());
            return ExitCodes.NO_SUGGESTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.NO_SUGGESTION;
        } finally {
            servers.values().forEach(EvalServer::close);
            testRunner.shutdownNow();
        }
    }

    /**
     * Each task is asked in every prompt mode before the next task, so that what warms up or slows
     * down over a run (the JIT, a model server's caches, a busy machine) weighs on all modes alike.
     */
    private List<String> measure(EvalOptions options, Map<PromptMode, EvalServer> servers, PythonCheck python,
                                 ExecutorService testRunner) throws InterruptedException {
        var json = new ObjectMapper();
        var evals = new LinkedHashMap<PromptMode, InfillingEval>();
        servers.forEach((mode, server) -> evals.put(mode, new InfillingEval(server, python, testRunner,
                Duration.ofMillis(options.timeoutMs() + 5_000L))));
        var rows = new LinkedHashMap<PromptMode, List<String>>();
        evals.keySet().forEach(mode -> rows.put(mode, new ArrayList<>()));
        for (InfillingTasks set : options.sets()) {
            List<InfillingTask> tasks = set.sample(json, options.sample(), options.seed());
            var bar = new ProgressBar(err, redrawProgress, set.id(), tasks.size() * evals.size());
            var pending = new LinkedHashMap<PromptMode, List<CompletableFuture<TaskOutcome>>>();
            int done = 0;
            for (InfillingTask task : tasks) {
                for (var eval : evals.entrySet()) {
                    String uri = InfillingEval.uris("file:///gptoss-eval/" + eval.getKey().id() + "/", "").apply(task);
                    pending.computeIfAbsent(eval.getKey(), m -> new ArrayList<>())
                            .add(eval.getValue().start(task, options.cursor(), uri));
                    bar.update(++done);
                }
            }
            for (var mode : pending.entrySet()) {
                rows.get(mode.getKey()).add(row(mode.getKey(), set, EvalSummary.of(InfillingEval.outcomes(mode.getValue()))));
            }
        }
        return rows.values().stream().flatMap(List::stream).toList();
    }

    /** Whether the server's model servers answer; if not, says so and what to do. */
    private boolean ready(EvalServer server) throws InterruptedException {
        JsonElement status = server.awaitStatus(READY_WAIT);
        String state = status == null ? "starting" : status.getAsJsonObject().get("state").getAsString();
        if (state.equals("ready") || state.equals("degraded")) {
            return true;
        }
        err.println("gptoss-ls eval: the model servers are " + state
                + (status == null ? "" : ": " + text(status, "message") + fix(status)));
        return false;
    }

    /**
     * The editor's settings for one prompt mode: the configuration in force (as the command line's
     * layers made it, an unapproved workspace file's endpoints left out) with every endpoint held to
     * {@code mode} and the suggestion deadline of {@code --timeout-ms}.
     */
    static String settings(ObjectMapper json, JsonNode inForce, GptossConfig config, PromptMode mode, int timeoutMs) {
        ObjectNode settings = inForce != null && inForce.isObject() ? ((ObjectNode) inForce).deepCopy() : json.createObjectNode();
        settings.withObject("completion").put("timeoutMs", timeoutMs);
        var endpoints = settings.putArray("endpoints");
        for (EndpointConfig endpoint : config.endpoints()) {
            ObjectNode e = endpoints.addObject().put("name", endpoint.name()).put("url", endpoint.url().toString())
                    .put("api", endpoint.api().id()).put("promptMode", mode.id());
            if (endpoint.apiKeyEnv() != null) {
                e.put("apiKeyEnv", endpoint.apiKeyEnv());
            }
        }
        return settings.toString();
    }

    private void print(EvalOptions options, String endpoints, String isolation, List<String> rows) {
        out.println("HumanEval infilling through gptoss-ls, cursor " + options.cursor().description()
                + ", " + options.sample() + " tasks per set (seed " + options.seed() + ")");
        out.println("Endpoints: " + endpoints);
        out.println();
        out.println("| prompt mode | tasks | pass@1 | exact match | answered | median time per answer |");
        out.println("|---|---|---:|---:|---:|---:|");
        rows.forEach(out::println);
        out.println();
        out.println("pass@1: share of tasks whose tests pass with the one suggestion accepted; exact match: the file"
                + " is the task's own solution. Tests ran in python3 with " + isolation + ".");
    }

    private static String row(PromptMode mode, InfillingTasks set, EvalSummary summary) {
        return String.format(Locale.ROOT, "| %s | %s (%d) | %.1f%% | %.1f%% | %d | %s |", mode.id(), set.id(),
                summary.tasks(), 100 * summary.passRate(), 100 * summary.exactRate(), summary.answered(),
                Double.isNaN(summary.medianAnswerMillis()) ? "–"
                        : String.format(Locale.ROOT, "%.0f ms", summary.medianAnswerMillis()));
    }

    private static String describe(GptossConfig config) {
        var parts = new ArrayList<String>();
        for (EndpointConfig endpoint : config.endpoints()) {
            parts.add(endpoint.name() + " " + endpoint.url() + " (" + endpoint.api().id() + ")");
        }
        for (Tier tier : Tier.values()) {
            var instances = config.tiers().getOrDefault(tier, List.of());
            parts.add(tier.id() + ": " + String.join(", ", instances.stream().map(i -> i.model() + " at " + i.endpoint()).toList()));
        }
        return String.join("; ", parts);
    }

    private static String text(JsonElement status, String field) {
        var value = status.getAsJsonObject().get(field);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static String fix(JsonElement status) {
        String fix = text(status, "fix");
        return fix.isEmpty() ? "" : "\nTo fix:\n  " + fix.replace("\n", "\n  ");
    }
}
