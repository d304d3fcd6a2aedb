package dev.gptoss.ls.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ConfigReader reader = new ConfigReader(json);

    @Test
    void noConfigurationMeansLocalOllamaWithBothModels() throws Exception {
        GptossConfig config = reader.read(null);
        assertEquals("http://127.0.0.1:11434", config.endpoints().get(0).url().toString());
        assertEquals("gpt-oss:20b", config.tier(Tier.FAST).get(0).model());
        assertEquals("gpt-oss:120b", config.tier(Tier.STRONG).get(0).model());
    }

    @Test
    void theIssueExampleReadsAsWritten() throws Exception {
        GptossConfig config = reader.read(ConfigReader.unwrap(parse("""
                {"gptoss": {
                  "endpoints": [{"name": "local", "url": "http://127.0.0.1:11434", "api": "ollama"},
                                {"name": "gpu1", "url": "http://127.0.0.1:8000", "api": "openai", "apiKeyEnv": "VLLM_API_KEY"}],
                  "tiers": {"fast":   [{"endpoint": "local", "model": "gpt-oss:20b"}],
                            "strong": [{"endpoint": "gpu1",  "model": "openai/gpt-oss-120b"}]},
                  "completion": {"maxTokens": 64, "timeoutMs": 2000}
                }}""")));
        assertEquals(ApiKind.OPENAI, config.endpoint("gpu1").orElseThrow().api());
        assertEquals("VLLM_API_KEY", config.endpoint("gpu1").orElseThrow().apiKeyEnv());
        assertEquals("openai/gpt-oss-120b", config.tier(Tier.STRONG).get(0).model());
        assertEquals(2000, config.completion().timeoutMs());
    }

    @Test
    void badFieldsAreNamedByTheirPath() {
        assertField("gptoss.endpoints[0].api",
                "{\"endpoints\": [{\"name\": \"a\", \"url\": \"http://127.0.0.1:1\", \"api\": \"grpc\"}]}");
        assertField("gptoss.endpoints[0].url", "{\"endpoints\": [{\"name\": \"a\", \"url\": \"ftp://x\"}]}");
        assertField("gptoss.tiers.fast[0].endpoint", "{\"tiers\": {\"fast\": [{\"endpoint\": \"nope\", \"model\": \"m\"}]}}");
        assertField("gptoss.completion.timeoutMs", "{\"completion\": {\"timeoutMs\": \"soon\"}}");
        assertField("gptoss.tiers.medium", "{\"tiers\": {\"medium\": []}}");
    }

    @Test
    void routingSettingsTakeDefaultsAndAreChecked() throws Exception {
        RoutingSettings routing = reader.read(parse("{\"routing\": {\"maxConcurrent\": 2, \"breaker\": {\"openMs\": 750}}}"))
                .routing();
        assertEquals(2, routing.maxConcurrent());
        assertEquals(750, routing.breaker().openMs());
        assertEquals(RoutingSettings.DEFAULT.fastMaxScore(), routing.fastMaxScore());
        assertEquals(RoutingSettings.BreakerSettings.DEFAULT.failureRatePercent(), routing.breaker().failureRatePercent());
        assertField("gptoss.routing.strongMinScore", "{\"routing\": {\"fastMaxScore\": 70, \"strongMinScore\": 40}}");
        assertField("gptoss.routing.breaker.failureRatePercent", "{\"routing\": {\"breaker\": {\"failureRatePercent\": 0}}}");
        assertField("gptoss.routing.maxConcurrent", "{\"routing\": {\"maxConcurrent\": 0}}");
    }

    @Test
    void clientSettingsOverrideTheWorkspaceFileFieldByField() throws Exception {
        var layers = ConfigLayers.empty()
                .with(ConfigSource.WORKSPACE_FILE, parse("{\"completion\": {\"maxTokens\": 32, \"timeoutMs\": 900}}"))
                .with(ConfigSource.EDITOR_SETTINGS, parse("{\"completion\": {\"timeoutMs\": 1500}}"));
        CompletionSettings completion = reader.read(layers.merged()).completion();
        assertEquals(32, completion.maxTokens());
        assertEquals(1500, completion.timeoutMs());
    }

    @Test
    void aRefusedChangeKeepsThePreviousConfiguration() throws Exception {
        var state = new ConfigState(reader);
        state.update(l -> l.with(ConfigSource.EDITOR_SETTINGS, parse("{\"completion\": {\"maxTokens\": 20}}")));
        assertThrows(InvalidConfigException.class,
                () -> state.update(l -> l.with(ConfigSource.EDITOR_SETTINGS, parse("{\"completion\": {\"maxTokens\": -1}}"))));
        assertEquals(20, state.current().completion().maxTokens());
    }

    private void assertField(String field, String gptoss) {
        var error = assertThrows(InvalidConfigException.class, () -> reader.read(parse(gptoss)));
        assertEquals(field, error.field(), error.getMessage());
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void guardSettingsHaveSafeDefaultsAndAreValidated() throws Exception {
        GuardSettings defaults = reader.read(null).guard();
        assertEquals(true, defaults.redact());
        assertEquals(false, defaults.trace());
        assertEquals(2 * 1024 * 1024, defaults.maxDocumentBytes());
        assertEquals(4000, defaults.maxLineLength());

        GuardSettings custom = reader.read(parse("""
                {"guard": {"redact": false, "maxLineLength": 20000, "trace": true,
                           "customPatterns": [{"name": "employee-id", "regex": "EMP-\\\\d{6}"}]}}""")).guard();
        assertEquals(false, custom.redact());
        assertEquals(20000, custom.maxLineLength());
        assertEquals("EMP-\\d{6}", custom.customPatterns().get(0).regex());

        assertField("gptoss.guard.redact", "{\"guard\": {\"redact\": \"yes\"}}");
        assertField("gptoss.guard.customPatterns[0].regex",
                "{\"guard\": {\"customPatterns\": [{\"name\": \"x\", \"regex\": \"(unclosed\"}]}}");
        assertField("gptoss.guard.customPatterns[0].name",
                "{\"guard\": {\"customPatterns\": [{\"name\": \"a b\", \"regex\": \"x\"}]}}");
        assertField("gptoss.guard.maxDocumentBytes", "{\"guard\": {\"maxDocumentBytes\": 0}}");
    }
}
