package dev.gptoss.ls.routing;

import dev.gptoss.ls.backend.EndpointHealth;
import dev.gptoss.ls.config.ApiKind;
import dev.gptoss.ls.config.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Turns health, modes and load into the status a person reads. */
public final class StatusBoard {
    private final HealthMonitor health;
    private final PromptModes modes;
    private final Supplier<ModelInstances> instances;

    public StatusBoard(HealthMonitor health, PromptModes modes, Supplier<ModelInstances> instances) {
        this.health = health;
        this.modes = modes;
        this.instances = instances;
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
        String model = completion.stream().filter(r -> r.state().equals("ready")).map(InstanceStatus::model)
                .findFirst().orElse(completion.isEmpty() ? null : completion.get(0).model());
        return new ServiceStatus(state, message(state, model, completion), model, busy, fix(rows), List.copyOf(rows));
    }

    private InstanceStatus row(ModelInstance instance) {
        EndpointHealth h = health.health(instance.endpoint());
        String state = switch (h.state()) {
            case READY -> h.hasModel(instance.model()) ? "ready" : "model-missing";
            case LOADING -> "loading";
            case OFFLINE -> "offline";
            case UNKNOWN -> "unknown";
        };
        String detail = state.equals("model-missing")
                ? h.detail() + "; the model " + instance.model() + " is not there"
                : h.detail();
        return new InstanceStatus(instance.tier().id(), instance.endpoint().name(), instance.endpoint().url().toString(),
                instance.endpoint().api().id(), instance.model(), state,
                modes.knownMode(instance.endpoint()).map(m -> m.id()).orElse("unknown"), detail,
                instance.latency().percentileMs(50), instance.latency().percentileMs(95),
                instance.outstanding().get(), "closed");
    }

    private static String overall(List<InstanceStatus> all, List<InstanceStatus> completion) {
        if (all.stream().allMatch(r -> r.state().equals("unknown"))) {
            return "starting";
        }
        boolean completionReady = completion.stream().anyMatch(r -> r.state().equals("ready"));
        if (completionReady) {
            return all.stream().allMatch(r -> r.state().equals("ready")) ? "ready" : "degraded";
        }
        if (all.stream().anyMatch(r -> r.state().equals("loading"))) {
            return "loading";
        }
        return all.stream().anyMatch(r -> r.state().equals("ready")) ? "degraded" : "offline";
    }

    private static String message(String state, String model, List<InstanceStatus> completion) {
        return switch (state) {
            case "ready" -> "gpt-oss ready: " + model;
            case "degraded" -> "Some model servers are not ready; completions use " + model;
            case "loading" -> "A model server is loading its model";
            case "starting" -> "Checking model servers";
            default -> completion.isEmpty() ? "No model configured" : "No model server answers";
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
