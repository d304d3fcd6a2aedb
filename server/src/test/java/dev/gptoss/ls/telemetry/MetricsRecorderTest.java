package dev.gptoss.ls.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsRecorderTest {
    private static final long MINUTE = 60_000;
    private long nowMillis = 1_700_000_000_000L;
    private final MetricsRecorder metrics = new MetricsRecorder(() -> nowMillis);

    @Test
    void countsErrorsAndPercentilesOverTheLastHour() {
        for (int i = 1; i <= 100; i++) {
            metrics.record(MetricsRecorder.COMPLETION, ms(i * 10), i % 10 == 0);
        }
        var completion = metrics.report(MetricsRecorder.TimeRange.LAST_HOUR).components().get(MetricsRecorder.COMPLETION);
        assertEquals(100, completion.count());
        assertEquals(10, completion.errors());
        assertEquals(0.1, completion.errorRate(), 1e-9);
        assertEquals(500, completion.p50Ms(), 60);
        assertEquals(950, completion.p95Ms(), 60);
        assertTrue(completion.p99Ms() <= 1000 && completion.p99Ms() >= 900, "p99 " + completion.p99Ms());
        assertEquals(100, completion.histogram().stream().mapToLong(b -> b.count()).sum());
        assertEquals(60, completion.series().size());
        assertEquals(100, completion.series().get(59).count());
    }

    @Test
    void oldMinutesLeaveTheHourButStayInTheDay() {
        metrics.record(MetricsRecorder.ROUTING, ms(20), false);
        metrics.countInstance("fast:a/m", "breakerOpens");
        nowMillis += 90 * MINUTE;
        metrics.record(MetricsRecorder.ROUTING, ms(40), true);

        var hour = metrics.report(MetricsRecorder.TimeRange.LAST_HOUR);
        assertEquals(1, hour.components().get(MetricsRecorder.ROUTING).count());
        assertTrue(hour.instances().get("fast:a/m").counters().isEmpty());
        var day = metrics.report(MetricsRecorder.TimeRange.LAST_DAY);
        assertEquals(2, day.components().get(MetricsRecorder.ROUTING).count());
        assertEquals(96, day.components().get(MetricsRecorder.ROUTING).series().size());
        assertEquals(1L, day.instances().get("fast:a/m").counters().get("breakerOpens"));

        nowMillis += 25 * 60 * MINUTE;
        assertEquals(0, metrics.report(MetricsRecorder.TimeRange.LAST_DAY).components().get(MetricsRecorder.ROUTING).count(),
                "a day later the ring has forgotten them");
    }

    @Test
    void componentsWithoutRequestsReportNoPercentiles() {
        var codeActions = metrics.report(MetricsRecorder.TimeRange.LAST_HOUR).components().get(MetricsRecorder.CODE_ACTIONS);
        assertEquals(0, codeActions.count());
        assertNull(codeActions.p50Ms());
        assertThrows(IllegalArgumentException.class, () -> MetricsRecorder.TimeRange.parse("7d"));
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
