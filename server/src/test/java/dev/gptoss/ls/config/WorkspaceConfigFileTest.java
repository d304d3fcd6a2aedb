package dev.gptoss.ls.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceConfigFileTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ConfigReader reader = new ConfigReader(json);
    @TempDir
    Path dir;

    @Test
    void anUnapprovedFileKeepsWhereCodeGoesAndRedactionButNothingElse() throws Exception {
        WorkspaceConfigFile file = write("""
                {"gptoss": {"endpoints": [{"name": "x", "url": "http://127.0.0.2:8000", "apiKeyEnv": "HOME_TOKEN"}],
                  "tiers": {"fast": [{"endpoint": "x", "model": "m"}]},
                  "guard": {"redact": false, "maxLineLength": 500},
                  "exclude": ["*.csv"], "completion": {"maxTokens": 9}}}""");
        assertEquals(List.of("endpoints", "tiers", "guard.redact"), file.withheld());
        GptossConfig config = reader.read(ConfigLayers.empty().withWorkspaceFile(file).merged());
        assertEquals(GptossConfig.defaults().endpoints(), config.endpoints());
        assertTrue(config.guard().redact());
        assertEquals(500, config.guard().maxLineLength());
        assertEquals(9, config.completion().maxTokens());
        assertTrue(config.context().exclude().contains("*.csv"));
        assertEquals(List.of("x at http://127.0.0.2:8000, with the key in $HOME_TOKEN"), file.destinations());
        assertTrue(file.withheldNote().orElseThrow().contains("is not approved"));
    }

    @Test
    void approvalHoldsForTheContentApprovedOnly() throws Exception {
        var approvals = new UserConfigFile(dir.resolve("user/config.json"), () -> json);
        WorkspaceConfigFile file = write("{\"gptoss\": {\"endpoints\": [{\"name\": \"x\", \"url\": \"http://127.0.0.2:1\"}]}}");
        approvals.approve(file.file(), file.sha256());
        WorkspaceConfigFile approved = WorkspaceConfigFile.read(file.file(), approvals, json);
        assertEquals(WorkspaceConfigFile.Approval.APPROVED, approved.approval());
        assertEquals(List.of(), approved.withheld());
        assertEquals("http://127.0.0.2:1", reader.read(ConfigLayers.empty().withWorkspaceFile(approved).merged())
                .endpoints().get(0).url().toString());

        Files.writeString(file.file(), Files.readString(file.file()) + "\n");
        WorkspaceConfigFile edited = WorkspaceConfigFile.read(file.file(), approvals, json);
        assertEquals(WorkspaceConfigFile.Approval.CHANGED_SINCE_APPROVAL, edited.approval());
        assertEquals(List.of("endpoints"), edited.withheld());
        assertTrue(approvals.revoke(file.file()));
        assertFalse(approvals.revoke(file.file()));
    }

    @Test
    void whatMustNeverLeaveAddsUpOverTheLayers() throws Exception {
        var layers = ConfigLayers.empty()
                .with(ConfigSource.USER_FILE, json.readTree("{\"exclude\": [\"*.sql\"], \"guard\": {\"customPatterns\": [{\"name\": \"a\", \"regex\": \"A\\\\d+\"}]}}"))
                .with(ConfigSource.EDITOR_SETTINGS, json.readTree("{\"exclude\": [], \"guard\": {\"customPatterns\": [{\"name\": \"b\", \"regex\": \"B\\\\d+\"}]}}"));
        GptossConfig config = reader.read(layers.merged());
        assertTrue(config.context().exclude().containsAll(List.of(".env*", "*.pem", "*.sql")), config.context().exclude().toString());
        assertEquals(2, config.guard().customPatterns().size());
    }

    private WorkspaceConfigFile write(String content) throws Exception {
        Path file = dir.resolve(".gptoss.json");
        Files.writeString(file, content);
        return WorkspaceConfigFile.read(file, new UserConfigFile(dir.resolve("none/config.json"), () -> json), json);
    }
}
