package dev.gptoss.ls.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlobExclusionsTest {
    private final GlobExclusions defaults = GlobExclusions.defaults(() -> Path.of("/work/app"));

    @Test
    void theDefaultsExcludeFilesThatHoldSecrets() {
        for (String uri : new String[] {"file:///work/app/.env", "file:///work/app/.env.local",
                "file:///work/app/config/.env.production", "file:///work/app/certs/server.pem",
                "file:///work/app/tls.key", "file:///work/app/secrets/db.txt", "file:///work/app/deploy/secrets/a.yml",
                "file:///home/me/.ssh/id_ed25519"}) {
            assertTrue(defaults.whyExcluded(uri).isPresent(), uri);
        }
        assertTrue(defaults.whyExcluded("file:///work/app/.env").orElseThrow().contains("\".env*\""));
    }

    @Test
    void ordinaryCodeAndOddUrisAreNotExcluded() {
        for (String uri : new String[] {"file:///work/app/src/env.py", "file:///work/app/keys.py",
                "file:///work/app/secrets.py", "untitled:Untitled-1", "not a uri at all", "file://host/share/x.py"}) {
            assertEquals(Optional.empty(), defaults.whyExcluded(uri), uri);
        }
    }
}
