package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.EndpointHealth;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Turns health, modes and load into the status a person reads. */
public final class StatusBoard {
    static final String BREAKER_OPEN = "breaker-open";
    private final HealthMonitor health;
    private final PromptModes modes;
    private final Supplier<ModelInstances> instances;
    private final Supplier<List<String>> keptTiers;

    public StatusBoard(HealthMonitor health, PromptModes modes, Supplier<ModelInstances> instances,
                       Supplier<List<String>> keptTiers) {
        this.health = health;
        this.modes = modes;
        this.instances = instances;
        this.keptTiers = keptTiers;
    }

    public ServiceStatus current() {
        var rows = new ArrayList<InstanceStatus>();
        int busy = 0;
        for (ModelInstance instance : instances.get().all()) {
            rows.add(row(instance));
            busy += instance.outstanding().get();
        }
        List<InstanceStatus> completion = rows.stream().filter(r -> r.tier().equals(Tier.FAST.id())).toList();
        if (completion.isEmpty()) {
            completion = rows;
        }
        String state = overall(rows, completion);
        String model = completion.stream().filter(StatusBoard::serving).map(InstanceStatus::model)
                .findFirst().orElse(completion.isEmpty() ? null : completion.get(0).model());
        return new ServiceStatus(state, message(state, model, completion), model, busy, fix(rows), List.copyOf(rows),
                keptTiers.get());
    }

    private InstanceStatus row(ModelInstance instance) {
        EndpointHealth h = health.health(instance.endpoint());
        String state = switch (h.state()) {
            case READY -> h.hasModel(instance.model()) ? "ready" : "model-missing";
            case LOADING -> "loading";
            case OFFLINE -> "offline";
            case UNKNOWN -> "unknown";
        };
        String detail = h.detail();
        if (state.equals("model-missing")) {
            detail = h.detail() + "; the model " + instance.model() + " is not there";
        } else if ((state.equals("ready") || state.equals("unknown")) && !instance.breaker().isClosed()) {
            state = BREAKER_OPEN;
            detail = "too many recent requests failed; the circuit breaker is " + instance.breakerState()
                    + (instance.breaker().isOpen() ? " (probing again in "
                    + instance.breaker().getRemainingDelay().toMillis() + " ms)" : "");
        } else if (state.equals("ready") && instance.slow()) {
            state = "slow";
            detail = "median latency above " + instance.settings().slowMs() + " ms; requests go elsewhere when they can";
        }
        return new InstanceStatus(instance.tier().id(), instance.endpoint().name(), instance.endpoint().url().toString(),
                instance.endpoint().api().id(), instance.model(), state,
                modes.knownMode(instance.endpoint()).map(m -> m.id()).orElse("unknown"), detail,
                instance.latency().percentileMs(50), instance.latency().percentileMs(95),
                instance.outstanding().get(), instance.breakerState());
    }

    private static String overall(List<InstanceStatus> all, List<InstanceStatus> completion) {
        if (all.stream().allMatch(r -> r.state().equals("unknown"))) {
            return "starting";
        }
        if (completion.stream().anyMatch(StatusBoard::serving)) {
            return all.stream().allMatch(r -> r.state().equals("ready")) ? "ready" : "degraded";
        }
        if (all.stream().anyMatch(r -> r.state().equals("loading"))) {
            return "loading";
        }
        return all.stream().anyMatch(StatusBoard::serving) ? "degraded" : "offline";
    }

    /** Known to take requests now, if slowly. */
    private static boolean serving(InstanceStatus row) {
        return row.state().equals("ready") || row.state().equals("slow");
    }

    private static String message(String state, String model, List<InstanceStatus> completion) {
        return switch (state) {
            case "ready" -> "gpt-oss ready: " + model;
            case "degraded" -> "Some model instances are not ready; completions use " + model;
            case "loading" -> "A model server is loading its model";
            case "starting" -> "Checking model servers";
            default -> completion.isEmpty() ? "No model configured" : "No model instance can take requests";
        };
    }

    /** What to run: for Ollama the exact commands; for OpenAI-compatible servers, what to start. */
    private static String fix(List<InstanceStatus> rows) {
        var steps = new ArrayList<String>();
        for (InstanceStatus r : rows) {
            String step = null;
            if (r.state().equals("model-missing") && r.api().equals(ApiKind.OLLAMA.id())) {
                step = "ollama pull " + r.model();
            } else if (r.state().equals("offline") && r.api().equals(ApiKind.OLLAMA.id())) {
                step = "ollama serve   # start Ollama at " + r.url();
            } else if (r.state().equals("offline")) {
                step = "start the OpenAI-compatible server at " + r.url() + " (vLLM: vllm serve openai/gpt-oss-20b;"
                        + " llama.cpp: llama-server -hf ggml-org/gpt-oss-20b-GGUF)";
            } else if (r.state().equals("model-missing")) {
                step = "serve the model " + r.model() + " at " + r.url();
            } else if (r.state().equals(BREAKER_OPEN)) {
                step = "check the server at " + r.url() + ": its requests for " + r.model() + " keep failing";
            }
            if (step != null && !steps.contains(step)) {
                steps.add(step);
            }
        }
        if (steps.stream().anyMatch(s -> s.startsWith("ollama serve")) && rows.stream()
                .anyMatch(r -> r.api().equals(ApiKind.OLLAMA.id()) && r.tier().equals(Tier.FAST.id()))) {
            String model = rows.stream().filter(r -> r.api().equals(ApiKind.OLLAMA.id()))
                    .map(InstanceStatus::model).findFirst().orElse("gpt-oss:20b");
            String pull = "ollama pull " + model;
            if (!steps.contains(pull)) {
                steps.add(pull);
            }
        }
        return steps.isEmpty() ? null : String.join("\n", steps);
    }

}
