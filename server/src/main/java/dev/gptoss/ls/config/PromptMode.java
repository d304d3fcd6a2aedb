package dev.gptoss.ls.config;

/** How a completion is asked of gpt-oss, which has no fill-in-the-middle tokens. */
public enum PromptMode {
    /** Probe the endpoint: raw harmony where it is accepted, chat otherwise. */
    AUTO,
    /** A raw harmony prompt that opens the {@code final} channel, skipping the reasoning pass. */
    RAW,
    /** A chat request with the code around a cursor marker and reasoning effort {@code low}. */
    CHAT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
