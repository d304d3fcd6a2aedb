package dev.gptoss.ls.config;

/** Model tiers: {@code fast} (gpt-oss-20b class) for typing, {@code strong} for hard work. */
public enum Tier {
    FAST, STRONG;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
