package dev.gptoss.ls.config;

import java.util.List;

/**
 * What the prompt may show around the cursor.
 *
 * @param budgetTokens o200k tokens the whole inline-completion prompt may use
 * @param exclude gitignore-style globs of files never sent to a model (on top of .gitignore)
 */
public record ContextSettings(int budgetTokens, List<String> exclude) {
    public static final ContextSettings DEFAULT =
            new ContextSettings(2048, List.of(".env*", "*.pem", "*.key", "**/secrets/**"));

    public ContextSettings {
        exclude = List.copyOf(exclude);
    }
}
