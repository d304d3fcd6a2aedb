package dev.gptoss.ls.config;

import java.net.URI;

/**
 * One model server. {@code apiKeyEnv} names an environment variable; the key itself never
 * enters the configuration, so it cannot leak through a settings dump or a log line.
 */
public record EndpointConfig(String name, URI url, ApiKind api, String apiKeyEnv, PromptMode promptMode) {
}
