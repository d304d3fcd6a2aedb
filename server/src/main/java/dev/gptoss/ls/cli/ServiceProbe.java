package dev.gptoss.ls.cli;

import dev.gptoss.ls.server.ServerParts;
import dev.gptoss.ls.config.Tier;
import dev.gptoss.ls.routing.InstanceStatus;
import dev.gptoss.ls.routing.ServiceStatus;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Probes every configured model server once and says, in one line, what stands in the way. */
final class ServiceProbe {
    private static final long PROBE_WAIT_S = 120;

    private ServiceProbe() {
    }

    static ServiceStatus probe(ServerParts parts) throws InterruptedException, ExecutionException, TimeoutException {
        parts.models().health().probeOnce(parts.models().router().instances(), parts.config().current().health())
                .get(PROBE_WAIT_S, TimeUnit.SECONDS);
        return parts.models().status().current();
    }

    /** {@link ExitCodes#OK} when completions can be served (or the model is loading). */
    static int exitCode(ServiceStatus status) {
        if (status.state().equals("ready") || status.state().equals("degraded") || status.state().equals("loading")) {
            return ExitCodes.OK;
        }
        return completionRows(status).stream().anyMatch(r -> r.state().equals("model-missing"))
                ? ExitCodes.MODEL_MISSING : ExitCodes.SERVER_DOWN;
    }

    /** What failed, for the models completions use: "local (http://…): connection refused at …". */
    static String problem(ServiceStatus status) {
        return completionRows(status).stream()
                .map(r -> r.endpoint() + " (" + r.model() + "): " + r.detail())
                .distinct().reduce((a, b) -> a + "; " + b)
                .orElse(status.message());
    }

    private static List<InstanceStatus> completionRows(ServiceStatus status) {
        List<InstanceStatus> fast = status.instances().stream().filter(r -> r.tier().equals(Tier.FAST.id())).toList();
        return fast.isEmpty() ? status.instances() : fast;
    }
}
