package dev.gptoss.bench;

import java.util.List;

/**
 * Where gptoss-ls's latency goes beyond the backend: from the editor's request to the model request
 * arriving at the fake ({@code before}), and from the fake's last byte to the editor reading the answer
 * ({@code after}). The driver and the fake share one JVM, so their wall clocks are the same clock.
 */
record LatencySplit(Percentiles before, Percentiles after, Percentiles beyondBackend) {
    /** Null when requests and model calls do not pair up one to one (a retry, a failure). */
    static LatencySplit of(LatencyRun.Result run, List<long[]> backendTimes) {
        int n = run.answered();
        if (n == 0 || backendTimes.size() != n) {
            return null;
        }
        var before = new long[n];
        var after = new long[n];
        var beyond = new long[n];
        for (int i = 0; i < n; i++) {
            long[] backend = backendTimes.get(i);
            before[i] = backend[0] - run.sentEpochNanos()[i];
            after[i] = run.receivedEpochNanos()[i] - backend[1];
            beyond[i] = run.latencyNanos()[i] - (backend[1] - backend[0]);
        }
        return new LatencySplit(Percentiles.ofNanos(before), Percentiles.ofNanos(after), Percentiles.ofNanos(beyond));
    }
}
