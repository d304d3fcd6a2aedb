package dev.gptoss.ls.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gptoss.ls.documents.DocumentSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quick fixes edit the captured nodes: the right argument list, the document's layout and line ends. */
class TreeFixTest {

    @Test
    void aTimeoutGoesOnItsOwnLineInACallWrittenOnePerLine() {
        assertEquals("""
                import requests
                requests.post(
                    url,
                    json=body,
                    timeout=10,
                )
                """, fixed("""
                import requests
                requests.post(
                    url,
                    json=body,
                )
                """, "lukhas/http-call-without-timeout"));
    }

    @Test
    void aTimeoutFollowsTheLastArgumentWhenThereIsNoTrailingComma() {
        assertEquals("import requests\nrequests.get(\n    url,\n    headers=h,\n    timeout=10\n)\n", fixed(
                "import requests\nrequests.get(\n    url,\n    headers=h\n)\n", "lukhas/http-call-without-timeout"));
    }

    @Test
    void theTimeoutGoesToTheRequestsCallNotToACallInsideItsArguments() {
        assertEquals("import requests\nrequests.get(url(f(1)), params=dict(a=1), timeout=10)\n",
                fixed("import requests\nrequests.get(url(f(1)), params=dict(a=1))\n", "lukhas/http-call-without-timeout"));
    }

    @Test
    void timeoutNoneIsReplaced() {
        assertEquals("import requests as rq\nrq.get(url, timeout=10)\n",
                fixed("import requests as rq\nrq.get(url, timeout=None)\n", "lukhas/http-call-without-timeout"));
    }

    @Test
    void sleepBecomesAsyncioSleepAndAsyncioIsImportedWhenMissing() {
        assertEquals("\"\"\"Polls.\"\"\"\nimport time\nimport asyncio\n\n\nasync def poll():\n    await asyncio.sleep(1)\n",
                fixed("\"\"\"Polls.\"\"\"\nimport time\n\n\nasync def poll():\n    time.sleep(1)\n", "lukhas/blocking-call-in-async"));
    }

    @Test
    void theMonotonicClockKeepsTheModulesAlias() {
        assertEquals("import time as clock\nstart = clock.perf_counter()\n",
                fixed("import time as clock\nstart = clock.time()\n", "lukhas/wall-clock-duration"));
    }

    @Test
    void aLoggedExceptKeepsItsCaughtName() {
        assertEquals("try:\n    f()\nexcept Exception as err:\n    logger.exception(\"Unexpected error: %s\", err)\n",
                fixed("try:\n    f()\nexcept Exception as err:\n    pass\n", "lukhas/bare-except"));
    }

    @Test
    void anOptionsObjectGetsItsSignalFirst() {
        DocumentSnapshot doc = DocumentSnapshot.of("file:///x.ts", "typescript", 1,
                "fetch(url, { method: \"POST\" });\r\n");
        Finding finding = only(doc, "lukhas/http-call-without-timeout");
        assertEquals("fetch(url, { signal: AbortSignal.timeout(10_000), method: \"POST\" });\r\n",
                LukhasWorkspace.applied(doc, finding.fix().orElseThrow().edits()));
    }

    private static String fixed(String text, String pattern) {
        DocumentSnapshot doc = LukhasWorkspace.snapshotOf("file:///x.py", text);
        return LukhasWorkspace.applied(doc, only(doc, pattern).fix().orElseThrow().edits());
    }

    private static Finding only(DocumentSnapshot doc, String pattern) {
        List<Finding> found = LukhasWorkspace.builtIn().findings(doc).stream()
                .filter(f -> f.pattern().id().equals(pattern)).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }
}
